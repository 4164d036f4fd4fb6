import Foundation

/// Ends a chapter program, and everything it started, when mlbook ends — even when mlbook is
/// killed with SIGKILL and cannot clean up.
///
/// mlbook starts chapters with `posix_spawn`, which cannot run `prctl` in the child, so the
/// program asks for it itself, first thing: the kernel sends it SIGTERM when its parent dies
/// (`PR_SET_PDEATHSIG`), and the handler kills the program's whole process group (which
/// mlbook made for it), background processes included. A parent that died before this ran
/// is caught by comparing `getppid()` with mlbook's process ID.
enum ParentWatch {
    static func stopWithParent(_ parent: pid_t) {
        signal(SIGTERM) { _ in _ = kill(0, SIGKILL) }
        #if os(Linux)
            // `prctl` is variadic in C, which Swift cannot call; on Linux its arguments travel as
            // plain integers, so the symbol is called through a fixed five-argument type.
            typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
            let setDeathSignal: Int32 = 1  // PR_SET_PDEATHSIG
            if let symbol = dlsym(nil, "prctl") {
                _ = unsafeBitCast(symbol, to: Prctl.self)(setDeathSignal, UInt(SIGTERM), 0, 0, 0)
            }
        #else
            // Other systems have no parent-death signal: a thread looks at the parent twice a second.
            Thread.detachNewThread {
                while getppid() == parent { usleep(500_000) }
                kill(0, SIGKILL)
            }
        #endif
        if getppid() != parent { kill(0, SIGKILL) }
    }
}
