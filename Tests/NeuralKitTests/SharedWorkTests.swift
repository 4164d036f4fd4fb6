import Foundation
import Synchronization
import Testing

@testable import NeuralKit

/// `SharedWork` runs every chunk exactly once, whichever thread takes it, also when several
/// threads share work at the same time.
@Suite struct SharedWorkTests {
    /// Runs `pieces` pieces of `chunks` chunks and counts how often each chunk ran.
    func counts(pieces: Int, chunks: Int) -> [Int] {
        let runs = Mutex([Int](repeating: 0, count: chunks))
        for _ in 0..<pieces {
            SharedWork.run(chunks: chunks, flops: Int.max) { chunk in
                runs.withLock { $0[chunk] += 1 }
            }
        }
        return runs.withLock { $0 }
    }

    @Test func everyChunkRunsOncePerPiece() {
        #expect(counts(pieces: 2000, chunks: 2) == [2000, 2000])
        #expect(counts(pieces: 50, chunks: 7) == Array(repeating: 50, count: 7))
        #expect(counts(pieces: 3, chunks: 1) == [3])
    }

    @Test func threadsSharingAtOnceEachGetAllTheirChunks() async {
        let results = await withTaskGroup(of: [Int].self) { group in
            for _ in 0..<4 { group.addTask { counts(pieces: 500, chunks: 3) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results == Array(repeating: [500, 500, 500], count: 4))
    }

    @Test func smallPiecesRunInOrderOnTheCallingThread() {
        var order: [Int] = []
        SharedWork.run(chunks: 3, flops: 0) { order.append($0) }
        #expect(order == [0, 1, 2])
    }
}
