import Foundation

/// Runs a program in its own process group with stdout, stderr and (optionally) a result
/// channel on file descriptor 3, each a pipe read as data arrives. A deadline or a handler
/// can stop it; the whole group is killed so nothing it started lingers.
final class ChildProcess {
    /// How the process ended.
    struct Outcome {
        /// The exit status, when it exited.
        var exitStatus: Int32?
        /// The signal that killed it, when one did.
        var signal: Int32?
        /// Why mlbook stopped it, when it did (timeout, output cap).
        var stopReason: String?
        /// Everything it wrote to stderr.
        var standardError: String

        var succeeded: Bool { exitStatus == 0 && stopReason == nil }
    }

    /// The file descriptor number a chapter program writes `ChannelMessage` lines to.
    static let channelDescriptor: Int32 = 3
    private static let spawnLock = NSLock()

    private let executable: String
    private let arguments: [String]
    private let environment: [String: String]
    private var stopReason: String?
    private var processID: pid_t = 0

    init(executable: String, arguments: [String], environment: [String: String] = [:]) {
        self.executable = executable
        self.arguments = arguments
        self.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }

    /// Kills the process group; `reason` is reported in the outcome.
    func stop(_ reason: String) {
        guard stopReason == nil else { return }
        stopReason = reason
        if processID > 0 { kill(-processID, SIGKILL) }
    }

    /// Starts the program and blocks until it ends and its pipes are drained. `deadline`
    /// (seconds since the start, asked again after every event) stops it with its message.
    func run(
        deadline: () -> (seconds: Double, message: String),
        standardOutput: (Data) -> Void,
        standardError: (Data) -> Void = { _ in },
        channel: (Data) -> Void = { _ in }
    ) throws(BookError) -> Outcome {
        // Pipes are made close-on-exec under a lock, so a chapter started on another thread
        // never inherits this one's pipes (which would hold them open after this child ends).
        ChildProcess.spawnLock.lock()
        var pipes: [[Int32]] = []
        for _ in 0..<3 {
            var ends: [Int32] = [0, 0]
            guard pipe(&ends) == 0 else {
                ChildProcess.spawnLock.unlock()
                throw BookError(file: executable, "cannot create a pipe")
            }
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            pipes.append(ends)
        }
        defer { for ends in pipes { close(ends[0]) } }
        do {
            try spawn(pipes: pipes)
        } catch {
            ChildProcess.spawnLock.unlock()
            for ends in pipes { close(ends[1]) }
            throw error
        }
        for ends in pipes { close(ends[1]) }
        ChildProcess.spawnLock.unlock()
        ChildRegistry.add(processID)
        defer { ChildRegistry.remove(processID) }

        let start = DispatchTime.now().uptimeNanoseconds
        var errorBytes = Data()
        var open = pipes.map { $0[0] }
        var buffer = [UInt8](repeating: 0, count: 65536)
        while open.contains(where: { $0 >= 0 }) {
            let limit = deadline()
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            if elapsed >= limit.seconds { stop(limit.message) }
            var descriptors = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let waitMilliseconds = Int32(min(max((limit.seconds - elapsed) * 1000, 1), 1000))
            guard poll(&descriptors, nfds_t(descriptors.count), waitMilliseconds) >= 0 || errno == EINTR else { break }
            // Read stdout before the channel, so a cell's text arrives before its end message.
            for index in 0..<open.count where descriptors[index].revents != 0 && open[index] >= 0 {
                let count = read(open[index], &buffer, buffer.count)
                if count <= 0 {
                    if count < 0 && errno == EINTR { continue }
                    open[index] = -1
                    continue
                }
                let data = Data(buffer[0..<count])
                switch index {
                case 0: standardOutput(data)
                case 1:
                    errorBytes.append(data)
                    standardError(data)
                default: channel(data)
                }
            }
        }
        var status: Int32 = 0
        while waitpid(processID, &status, 0) < 0 && errno == EINTR {}
        let exited = status & 0x7f == 0
        return Outcome(
            exitStatus: exited ? (status >> 8) & 0xff : nil, signal: exited ? nil : status & 0x7f,
            stopReason: stopReason, standardError: String(decoding: errorBytes, as: UTF8.self))
    }

    /// `posix_spawn` with the pipes' write ends on descriptors 1, 2 and 3, in a new process
    /// group (so a timeout kills everything the program started).
    private func spawn(pipes: [[Int32]]) throws(BookError) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // dup2 gives the child copies of the close-on-exec pipes without that flag.
        for (target, ends) in pipes.enumerated() {
            posix_spawn_file_actions_adddup2(&actions, ends[1], Int32(target + 1))
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        let result = posix_spawn(&processID, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw BookError(file: executable, "cannot start: \(String(cString: strerror(result)))")
        }
    }
}
