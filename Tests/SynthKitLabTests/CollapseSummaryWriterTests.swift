import Foundation
import Testing
@testable import SynthKitLab

/// The plain-language sentences of a collapse report.
@Suite struct CollapseSummaryWriterTests {
    func sentences(tstr: [Double]) -> [String] {
        CollapseSummaryWriter(
            workflow: "replace", generations: 2, medians: ["tstr": tstr, "surviving-categories/country": [30, 28, 20]],
            numericalColumns: [], realCategoryCounts: ["country": 30], utility: ("income", "AUC", 500)
        ).sentences()
    }

    @Test func utilityAndVanishedCategoriesAreSummarised() {
        let text = sentences(tstr: [0.88, 0.85, 0.8])
        #expect(text.first == "After 2 generations of replace, 10 of the 30 categories of country present in a real sample of the same size vanished (medians across repeats).")
        #expect(text.contains { $0.contains("scores AUC 0.8 on 500 held-out real rows, against 0.88") })
    }

    @Test func anUntrainableLastGenerationIsSaid() {
        #expect(sentences(tstr: [0.88, 0.7, .nan]).contains { $0.hasPrefix("No model of income could be trained") })
    }
}
