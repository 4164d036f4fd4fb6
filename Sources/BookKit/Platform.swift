import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What differs between the systems mlbook builds on: Linux (tested in CI) and macOS
/// (reviewed, expected to work). Everything else uses POSIX calls both have.
enum Platform {
    /// The running executable, symbolic links resolved (Foundation reads `/proc/self/exe` on
    /// Linux and asks dyld on macOS).
    static var executable: URL {
        (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
    }

    /// The file name of dynamic library `name`: `libname.so` on Linux, `libname.dylib` on macOS.
    static func dynamicLibrary(_ name: String) -> String {
        #if canImport(Darwin)
            "lib\(name).dylib"
        #else
            "lib\(name).so"
        #endif
    }

    /// The IPv4 address 127.0.0.1:`port` (`sin_len` set where the system has it).
    static func loopbackAddress(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        #if canImport(Darwin)
            address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    /// `SOCK_STREAM` as `socket(2)` takes it (Glibc imports it as an enum).
    static var streamSocket: Int32 {
        #if canImport(Glibc)
            Int32(SOCK_STREAM.rawValue)
        #else
            SOCK_STREAM
        #endif
    }
}
