import Foundation
import SynthKitTensor
import Testing

/// Reads `Fixtures/pytorch_reference.json` (written by `Scripts/make_nn_fixtures.py`).
struct PyTorchFixture {
    let root: [String: Any]

    static func load() throws -> PyTorchFixture {
        let url = try #require(Bundle.module.resourceURL?.appendingPathComponent("Fixtures/pytorch_reference.json"))
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        return PyTorchFixture(root: try #require(object as? [String: Any]))
    }

    func section(_ path: String...) throws -> PyTorchFixture {
        var current = root
        for key in path { current = try #require(current[key] as? [String: Any], "missing fixture section \(key)") }
        return PyTorchFixture(root: current)
    }

    func tensor(_ key: String) throws -> Tensor {
        let object = try #require(root[key] as? [String: Any], "missing tensor \(key)")
        let shape = try #require(object["shape"] as? [Int])
        let scalars = try #require(object["scalars"] as? [Double]).map(Float.init)
        return Tensor(shape: shape, scalars: scalars)
    }

    func number(_ key: String) throws -> Float {
        Float(try #require(root[key] as? Double, "missing number \(key)"))
    }

    func integers(_ key: String) throws -> [Int] {
        try #require(root[key] as? [Int], "missing integers \(key)")
    }

    func tensors(_ key: String) throws -> [Tensor] {
        let list = try #require(root[key] as? [[String: Any]])
        return try list.map { try PyTorchFixture(root: ["value": $0]).tensor("value") }
    }
}

/// Expects two tensors of equal shape to agree within `tolerance` (absolute, scaled by magnitude above 1).
func expectClose(
    _ actual: Tensor, _ expected: Tensor, tolerance: Float = 1e-5, _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual.shape == expected.shape, "\(label): shape \(actual.shape) vs \(expected.shape)", sourceLocation: sourceLocation)
    for (value, reference) in zip(actual.scalars, expected.scalars) {
        #expect(
            abs(value - reference) <= tolerance * max(1, abs(reference)), "\(label): \(value) vs \(reference)",
            sourceLocation: sourceLocation)
    }
}
