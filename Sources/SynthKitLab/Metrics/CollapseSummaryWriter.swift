import Foundation
import SynthKitTable

/// Writes the plain-language sentences of a ``CollapseReport`` workflow from its medians:
/// vanished categories, tail shrinkage, variance loss and fidelity, each at the last generation
/// against generation 0 (real subsamples of the same size).
struct CollapseSummaryWriter {
    let workflow: String
    let generations: Int
    let medians: [String: [Double]]
    let numericalColumns: [String]
    let realCategoryCounts: [String: Int]
    /// The TSTR target, score name and held-out rows, when utility was measured.
    let utility: (target: String, metric: String, testRows: Int)?

    /// The sentences, most striking first within each kind.
    func sentences() -> [String] {
        var sentences: [String] = []
        let lead = "After \(generations) generation\(generations == 1 ? "" : "s") of \(workflow)"
        let losses = realCategoryCounts.keys.compactMap { name -> (String, Int, Int)? in
            guard let series = medians["surviving-categories/\(name)"], let first = series.first, let last = series.last,
                first.isFinite, last.isFinite else { return nil }
            return (name, Int(first.rounded()) - Int(last.rounded()), Int(first.rounded()))
        }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        if let worst = losses.first, worst.1 > 0 {
            let others = losses.dropFirst().filter { $0.1 > 0 }.count
            sentences.append("\(lead), \(worst.1) of the \(worst.2) categories of \(worst.0) present in a real sample "
                + "of the same size vanished (medians across repeats)"
                + (others > 0 ? "; \(others) other column\(others == 1 ? "" : "s") lost categories too." : "."))
        } else if !losses.isEmpty {
            sentences.append("\(lead), no categorical column lost a category (median across repeats).")
        }
        let tails = numericalColumns.compactMap { name -> (String, Double, Double)? in
            guard let series = medians["tail-mass/\(name)"], let first = series.first, let last = series.last,
                first > 0, last.isFinite else { return nil }
            return (name, first, last)
        }.sorted { ($0.2 / $0.1) < ($1.2 / $1.1) }
        if let worst = tails.first {
            let change = 1 - worst.2 / worst.1
            let verb = change >= 0 ? "shrank" : "grew"
            sentences.append("The mass of \(worst.0) beyond the real 1st/99th percentiles \(verb) by "
                + "\(percent(abs(change))) (from \(percent(worst.1)) of rows to \(percent(worst.2))).")
        }
        let variances = numericalColumns.compactMap { name -> (String, Double)? in
            guard let last = medians["variance-ratio/\(name)"]?.last, last.isFinite else { return nil }
            return (name, last)
        }.sorted { $0.1 < $1.1 }
        if let smallest = variances.first {
            sentences.append("The variance of \(smallest.0) is \(NumberFormatting.fixed(smallest.1, places: 2)) times the real variance.")
        }
        if let fidelity = medians["fidelity"], fidelity.count > 1, let last = fidelity.last {
            sentences.append("Fidelity to the real table went from \(NumberFormatting.fixed(fidelity[1], places: 3)) "
                + "at generation 1 to \(NumberFormatting.fixed(last, places: 3)).")
        }
        if let utility, let series = medians["tstr"], let first = series.first, let last = series.last, first.isFinite {
            if last.isFinite {
                sentences.append("A model of \(utility.target) trained on the last generation scores \(utility.metric) "
                    + "\(NumberFormatting.fixed(last, places: 3)) on \(utility.testRows) held-out real rows, against "
                    + "\(NumberFormatting.fixed(first, places: 3)) when trained on as many real rows (TSTR vs TRTR).")
            } else {
                sentences.append("No model of \(utility.target) could be trained on the last generation in most repeats "
                    + "(a single class or no value of it was left), against \(utility.metric) "
                    + "\(NumberFormatting.fixed(first, places: 3)) when trained on as many real rows.")
            }
        }
        return sentences
    }

    /// A share as a whole percentage, with one decimal below 10%.
    func percent(_ share: Double) -> String {
        let value = share * 100
        return (value < 10 ? NumberFormatting.fixed(value, places: 1) : NumberFormatting.fixed(value, places: 0)) + "%"
    }
}
