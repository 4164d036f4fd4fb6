import Foundation
import NotebookFormat
import Testing

/// The result channel's JSON: every message survives a round trip, non-finite numbers
/// included, and the recorded line below (written by `ResultJSON.encoder()`, re-recorded on
/// purpose when the message set changes with `ChapterContract.version`) still decodes.
@Suite struct ChannelMessageCodingTests {
    static let messages: [ChannelMessage] = [
        .hello(version: ChapterContract.version),
        .cellStarted(cell: 2),
        .cellFinished(cell: 2, seconds: 0.25),
        .inlineValue(id: 0, text: "NaN", number: .nan, measured: false),
        .inlineValue(id: 1, text: "∞", number: .infinity, measured: true),
        .figure(cell: 1, svg: "<svg/>", series: [SeriesRecord(name: "loss", values: [1, -.infinity])]),
        .html(cell: 1, html: "<table/>", numbers: [0.5]),
        .claim(cell: 3, line: 40, text: "loss falls", passed: true, margin: 0.2),
        .finished,
    ]

    @Test(arguments: messages)
    func everyMessageSurvivesARoundTrip(_ message: ChannelMessage) throws {
        let encoder = ResultJSON.encoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(message)
        let decoded = try ResultJSON.decoder().decode(ChannelMessage.self, from: data)
        // NaN is not equal to itself: compare the (key-sorted) encodings instead.
        #expect(try encoder.encode(decoded) == data)
    }

    @Test func aRecordedClaimLineDecodes() throws {
        let line = #"{"claim":{"cell":3,"line":40,"margin":0.2,"passed":true,"text":"loss falls"}}"#
        let message = try ResultJSON.decoder().decode(ChannelMessage.self, from: Data(line.utf8))
        #expect(message == .claim(cell: 3, line: 40, text: "loss falls", passed: true, margin: 0.2))
    }

    @Test func theContractsDescriptorsAndNamesAreDistinct() {
        let environment = ChapterContract.Environment.self
        let names = [
            environment.channel, environment.acknowledgement, environment.parameters, environment.seed,
            environment.skippedCells, environment.parentProcess, environment.progress, environment.runToken,
        ]
        #expect(Set(names).count == names.count)
        #expect(ChapterContract.channelDescriptor != ChapterContract.acknowledgementDescriptor)
        #expect(ChapterContract.channelDescriptor > 2 && ChapterContract.acknowledgementDescriptor > 2)
    }
}
