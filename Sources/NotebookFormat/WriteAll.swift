import Foundation

/// Writes all of `data` to file descriptor `descriptor`, however many `write` calls a pipe or
/// socket needs; stops quietly if the other end is gone (returns false).
@discardableResult
public func writeAll(_ data: Data, to descriptor: Int32) -> Bool {
    data.withUnsafeBytes { bytes in
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written <= 0 { return false }
            offset += written
        }
        return true
    }
}
