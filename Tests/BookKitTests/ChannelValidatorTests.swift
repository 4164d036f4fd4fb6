import NotebookFormat
import Testing

@testable import BookKit

/// The result channel's protocol, message by message: what a chapter of three cells (the
/// last `eval: false`) and one inline value may say, and in which order.
@Suite struct ChannelValidatorTests {
    static let chapter = try! ChapterLoader.parse(
        """
        ```swift
        let a = 1
        ```

        Value `{swift} a`.

        ```swift
        print(a)
        ```

        ```swift
        //| eval: false
        x
        ```
        """, path: "c.md")

    /// The first message `messages` fails on, with its reason, or nil if all are accepted.
    static func firstRefusal(_ messages: [ChannelMessage]) -> (index: Int, reason: String)? {
        var validator = ChannelValidator(chapter: chapter)
        for (index, message) in messages.enumerated() {
            if let reason = validator.accept(message) { return (index, reason) }
        }
        return nil
    }

    static let hello = ChannelMessage.hello(version: ChapterContract.version)

    @Test func aWholeConversationIsAccepted() {
        let messages: [ChannelMessage] = [
            Self.hello, .cellStarted(cell: 0), .claim(cell: 0, line: 2, text: "t", passed: true, margin: nil),
            .cellFinished(cell: 0, seconds: 0), .inlineValue(id: 0, text: "1", number: 1, measured: false),
            .cellStarted(cell: 1), .cellFinished(cell: 1, seconds: 0), .finished,
        ]
        #expect(Self.firstRefusal(messages) == nil)
    }

    @Test(arguments: [
        ([ChannelMessage.cellStarted(cell: 0)], "a message before hello"),
        ([.hello(version: ChapterContract.version + 1)], "speaks result channel version"),
        ([hello, hello], "a second hello"),
        ([hello, .cellStarted(cell: 5)], "cell 6, but the chapter has 3 cell(s)"),
        ([hello, .cellStarted(cell: -1)], "cell 0, but the chapter has 3 cell(s)"),
        ([hello, .cellStarted(cell: 2)], "cell 3 is not evaluated"),
        ([hello, .cellStarted(cell: 1), .cellStarted(cell: 0)], "cell 1 started while cell 2 runs"),
        (
            [hello, .cellStarted(cell: 1), .cellFinished(cell: 1, seconds: 0), .cellStarted(cell: 0)],
            "cell 1 started after cell 2"
        ),
        ([hello, .cellFinished(cell: 0, seconds: 0)], "cell 1 finished but was not running"),
        ([hello, .inlineValue(id: 3, text: "", number: nil, measured: false)], "inline value 4 of 1"),
        (
            [
                hello, .inlineValue(id: 0, text: "", number: nil, measured: false),
                .inlineValue(id: 0, text: "", number: nil, measured: false),
            ],
            "inline value 1 twice"
        ),
        ([hello, .cellStarted(cell: 0), .figure(cell: 1, svg: "", series: [])], "output for cell 2 while cell 1"),
        ([hello, .cellStarted(cell: 0), .finished], "the end of the program while cell 1 runs"),
        ([hello, .finished, .cellStarted(cell: 0)], "a message after the program's end"),
    ])
    func outOfPlaceMessagesAreRefusedWithAReason(_ messages: [ChannelMessage], _ reason: String) {
        let refusal = Self.firstRefusal(messages)
        #expect(refusal?.index == messages.count - 1)
        #expect(refusal?.reason.contains(reason) == true, "\(refusal?.reason ?? "accepted")")
    }
}
