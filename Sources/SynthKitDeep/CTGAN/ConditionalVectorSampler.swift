import Foundation
import SynthKitCore
import SynthKitTensor

/// CTGAN's conditional vector and training-by-sampling (Xu et al. 2019 §4.3; ctgan `DataSampler`).
///
/// The condition space is the concatenation of every categorical column's one-hot block
/// (``categoryCount`` entries). A condition picks a categorical column uniformly and a category
/// with probability ∝ log(1 + count) (or ∝ count), so rare categories are trained on; the real
/// batch is then drawn, row by row, uniformly from the training rows holding the chosen category.
struct ConditionalVectorSampler: Codable, Hashable, Sendable {
    /// Per categorical column: its first entry in the condition vector and category probabilities.
    struct Block: Codable, Hashable, Sendable {
        var conditionStart: Int
        var dataStart: Int
        var probabilities: [Double]
    }

    let blocks: [Block]
    let categoryCount: Int

    /// Blocks from the categorical spans and the codes of the training rows.
    init(spans: [DeepTableEncoder.Span], codes: [Int: [Int32]], logFrequency: Bool) {
        var blocks: [Block] = []
        var offset = 0
        for span in spans where span.isCategorical {
            var counts = [Double](repeating: 0, count: span.width)
            for code in codes[span.column] ?? [] { counts[Int(code)] += 1 }
            let weights = counts.map { logFrequency ? log($0 + 1) : $0 }
            let total = weights.reduce(0, +)
            blocks.append(Block(
                conditionStart: offset, dataStart: span.start,
                probabilities: weights.map { total > 0 ? $0 / total : 1 / Double(span.width) }))
            offset += span.width
        }
        self.blocks = blocks
        categoryCount = offset
    }

    /// A condition per row: the one-hot matrix [rows, categoryCount] and the chosen (block, category).
    func sample(rows: Int, stream: inout RandomStream) -> (vector: Tensor, choices: [(block: Int, category: Int)]) {
        var scalars = [Float](repeating: 0, count: rows * categoryCount)
        var choices: [(block: Int, category: Int)] = []
        guard !blocks.isEmpty else { return (Tensor(shape: [rows, 0], scalars: []), []) }
        choices.reserveCapacity(rows)
        for row in 0..<rows {
            let block = stream.nextIndex(below: blocks.count)
            let category = Self.draw(blocks[block].probabilities, stream: &stream)
            scalars[row * categoryCount + blocks[block].conditionStart + category] = 1
            choices.append((block, category))
        }
        return (Tensor(shape: [rows, categoryCount], scalars: scalars), choices)
    }

    /// An index drawn with the given probabilities.
    static func draw(_ probabilities: [Double], stream: inout RandomStream) -> Int {
        var target = stream.nextUniform()
        for (index, probability) in probabilities.enumerated() {
            target -= probability
            if target < 0 { return index }
        }
        return probabilities.count - 1
    }
}
