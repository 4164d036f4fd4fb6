import Foundation
import NotebookFormat

/// Runs a program in its own process group, stdin `/dev/null`, with stdout, stderr, a result
/// channel on file descriptor 3 and an acknowledgement pipe on descriptor 4 (see
/// `ChapterContract`). It ends when the program ends or its time is up, never later:
///
/// - it waits for the *process*, not for its pipes to close (a background process the program
///   started may hold them open forever);
/// - on every path — exit, crash, timeout, output cap — the whole process group is killed
///   before the program is reaped (so its number cannot have been reused), and so is every
///   process of the run that left the group (`ChildRegistry`);
/// - after the exit, the pipes are drained for at most `drainSeconds`, for output of a
///   process that left the group (`setsid`) and still holds them.
final class ChildProcess {
    /// How the process ended.
    struct Outcome {
        /// The exit status, when it exited.
        var exitStatus: Int32?
        /// The signal that killed it, when one did.
        var signal: Int32?
        /// Why mlbook stopped it, when it did (timeout, output cap, invalid message).
        var stopReason: String?
        /// What it wrote to stderr (the last `standardErrorLimit` bytes).
        var standardError: String

        var succeeded: Bool { exitStatus == 0 && stopReason == nil }
    }

    /// How long output is still read after the program ended.
    static let drainSeconds = 1.0
    /// Bytes of stderr kept for diagnostics (the end, where crash reports are).
    static let standardErrorLimit = 4 << 20
    private static let spawnLock = NSLock()

    private let executable: String
    private let arguments: [String]
    private let environment: [String: String]
    /// Marks every process of this run (see `ChildRegistry`).
    private let token = ChildRegistry.newToken()
    /// Whether the program must keep its result channel open until it ends (chapter programs
    /// must; a compiler never uses it).
    var requiresChannel = false
    private var stopReason: String?
    private var processID: pid_t = 0
    /// Read ends: stdout, stderr, channel (-1 once closed); the acknowledgement write end.
    private var readEnds: [Int32] = []
    private var acknowledgementEnd: Int32 = -1
    private var buffer = [UInt8](repeating: 0, count: 65536)
    private var handlers: [(Data) -> Void] = []

    init(executable: String, arguments: [String], environment: [String: String] = [:]) {
        self.executable = executable
        self.arguments = arguments
        self.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            .merging([ChapterContract.Environment.runToken: token]) { $1 }
    }

    /// Kills the process group; `reason` is reported in the outcome.
    func stop(_ reason: String) {
        guard stopReason == nil else { return }
        stopReason = reason
        killGroup()
    }

    /// Reads what stdout holds right now, without waiting, and hands it to the stdout handler:
    /// called before a channel message is applied, so text printed before it was sent is
    /// counted before it.
    func drainStandardOutput() {
        while readEnds.indices.contains(0), readEnds[0] >= 0, readAvailable(0) {}
    }

    /// Tells the program it may go on (it waits after announcing a cell).
    func acknowledge() {
        guard acknowledgementEnd >= 0 else { return }
        var byte: UInt8 = 0x0A
        _ = write(acknowledgementEnd, &byte, 1)
    }

    /// Starts the program and blocks until it has ended and its output is read. `deadline`
    /// (seconds since the start, asked again after every event) stops it with its message.
    func run(
        deadline: () -> (seconds: Double, message: String),
        standardOutput: @escaping (Data) -> Void,
        standardError: @escaping (Data) -> Void = { _ in },
        channel: @escaping (Data) -> Void = { _ in }
    ) throws(BookError) -> Outcome {
        var errorTail = TailBuffer(limit: Self.standardErrorLimit)
        handlers = [
            standardOutput,
            { data in
                errorTail.append(data)
                standardError(data)
            },
            channel,
        ]
        try ChildRegistry.register { () throws(BookError) -> pid_t in
            try self.start()
            return processID
        }
        defer {
            ChildRegistry.remove(processID)
            for end in readEnds + [acknowledgementEnd] where end >= 0 { close(end) }
            handlers = []  // they may hold this process (to stop it): break the cycle
        }
        watch(deadline: deadline)
        var status: Int32 = 0
        while waitpid(processID, &status, 0) < 0 && errno == EINTR {}
        let didExit = status & 0x7f == 0
        return Outcome(
            exitStatus: didExit ? (status >> 8) & 0xff : nil, signal: didExit ? nil : status & 0x7f,
            stopReason: stopReason,
            standardError: String(decoding: errorTail.tail, as: UTF8.self))
    }

    /// Reads the pipes until the program has ended and they are closed (or have had
    /// `drainSeconds` to close), stopping it at its deadline.
    private func watch(deadline: () -> (seconds: Double, message: String)) {
        let start = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        var exitedAt: Double?
        var channelClosedAt: Double?
        while true {
            if exitedAt == nil, hasExited() {
                exitedAt = elapsed()
                killGroup()  // whatever it left running
            }
            if requiresChannel, exitedAt == nil, readEnds[2] < 0 {
                channelClosedAt = channelClosedAt ?? elapsed()
                // Give an exiting program time to be seen exiting; one that runs on did close it.
                if let closed = channelClosedAt, elapsed() - closed > Self.drainSeconds {
                    stop("the chapter program closed its result channel (descriptor 3) before its end")
                }
            }
            let open = readEnds.indices.filter { readEnds[$0] >= 0 }
            if let exitedAt, open.isEmpty || elapsed() - exitedAt > Self.drainSeconds { break }
            let limit = deadline()
            if exitedAt == nil, elapsed() >= limit.seconds { stop(limit.message) }
            var descriptors = open.map { pollfd(fd: readEnds[$0], events: Int16(POLLIN), revents: 0) }
            let wait = Int32(min(max((limit.seconds - elapsed()) * 1000, 1), 50))
            if poll(&descriptors, nfds_t(descriptors.count), wait) < 0 && errno != EINTR {
                stop("mlbook cannot watch the chapter program's output: \(String(cString: strerror(errno)))")
                continue
            }
            // stdout first, so a cell's text arrives before the channel message after it.
            for (slot, index) in open.enumerated() where descriptors[slot].revents != 0 && readEnds[index] >= 0 {
                _ = readAvailable(index)
            }
        }
    }

    /// Reads once from pipe `index` into its handler; false when nothing was there (or it closed).
    private func readAvailable(_ index: Int) -> Bool {
        let count = read(readEnds[index], &buffer, buffer.count)
        if count > 0 {
            handlers[index](Data(buffer[0..<count]))
            return true
        }
        if count == 0 || (errno != EAGAIN && errno != EINTR) {
            close(readEnds[index])
            readEnds[index] = -1
        }
        return count < 0 && errno == EINTR
    }

    /// Whether the program has ended, without reaping it (`WNOWAIT`), so its process group
    /// can still be killed by number.
    private func hasExited() -> Bool {
        var information = siginfo_t()
        let found = waitid(P_PID, id_t(processID), &information, WEXITED | WNOHANG | WNOWAIT)
        return found == 0 && information.si_signo == SIGCHLD
    }

    /// Kills the program's process group and whatever else of this run is still alive.
    private func killGroup() {
        if processID > 0 { kill(-processID, SIGKILL) }
        ChildRegistry.killLeftovers(of: token)
    }

    /// Makes the pipes and spawns the program. Pipes are made close-on-exec under a lock, so
    /// a program started on another thread never inherits this one's (which would hold them
    /// open after this program ends); `dup2` gives the child its copies without the flag.
    private func start() throws(BookError) {
        ChildProcess.spawnLock.lock()
        defer { ChildProcess.spawnLock.unlock() }
        var pipes: [[Int32]] = []
        for _ in 0..<4 {
            var ends: [Int32] = [0, 0]
            guard pipe(&ends) == 0 else {
                for ends in pipes { ends.forEach { close($0) } }
                throw BookError(file: executable, "cannot create a pipe")
            }
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            pipes.append(ends)
        }
        // The child writes stdout, stderr and the channel, and reads acknowledgements.
        let childEnds = pipes[0..<3].map { $0[1] } + [pipes[3][0]]
        readEnds = pipes[0..<3].map { $0[0] }
        acknowledgementEnd = pipes[3][1]
        for end in readEnds { _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK) }
        defer { childEnds.forEach { close($0) } }
        do {
            try spawn(childEnds: childEnds)
        } catch {
            (readEnds + [acknowledgementEnd]).forEach { close($0) }
            readEnds = []
            acknowledgementEnd = -1
            throw error
        }
    }

    /// The child's descriptors for `childEnds`: stdout, stderr, the channel, acknowledgements.
    private static let childDescriptors: [Int32] = [
        STDOUT_FILENO, STDERR_FILENO, ChapterContract.channelDescriptor, ChapterContract.acknowledgementDescriptor,
    ]

    /// `posix_spawn` with `/dev/null` on descriptor 0 and `childEnds` on `childDescriptors`,
    /// in a new process group (so one `kill` stops everything the program started).
    private func spawn(childEnds: [Int32]) throws(BookError) {
        // Glibc's spawn types are structs; Darwin's are optional pointers that `init` allocates.
        #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t? = nil
        #else
            var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Through high numbers first: a pipe end may itself be one of the child's descriptors
        // (when mlbook's own are closed).
        let parking = max(childEnds.max() ?? 0, Self.childDescriptors.max() ?? 0) + 1
        for (offset, end) in childEnds.enumerated() {
            posix_spawn_file_actions_adddup2(&actions, end, parking + Int32(offset))
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        for offset in childEnds.indices {
            posix_spawn_file_actions_adddup2(&actions, parking + Int32(offset), Self.childDescriptors[offset])
            posix_spawn_file_actions_addclose(&actions, parking + Int32(offset))
        }
        #if canImport(Darwin)
            var attributes: posix_spawnattr_t? = nil
        #else
            var attributes = posix_spawnattr_t()
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Default signal handling and no blocked signals: mlbook ignores SIGINT and SIGTERM
        // (it handles them on a queue), and ignored signals would otherwise stay ignored.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] { sigaddset(&defaults, signalNumber) }
        var noneBlocked = sigset_t()
        sigemptyset(&noneBlocked)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &noneBlocked)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
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
