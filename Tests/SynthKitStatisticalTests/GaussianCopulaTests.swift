import SynthKit
import SynthKitTestSupport
import Testing

@Suite struct GaussianCopulaTests {
    static let fixture = SynthesisFixtures.mixed()

    static let configurations: [GaussianCopula] = [
        GaussianCopula(),
        GaussianCopula(categoricalOrdering: .frequency, correctsCoarsening: false, jointAssociationThreshold: 2),
        GaussianCopula(defaultFamily: .truncatedNormal),
        GaussianCopula(defaultFamily: .beta),
        GaussianCopula(defaultFamily: .gamma),
        GaussianCopula(defaultFamily: .uniform, empiricalKnots: 5, discreteSupportLimit: 3),
    ]

    @Test(arguments: configurations)
    func conformsToTheSynthesizerContract(configuration: GaussianCopula) throws {
        try checkSynthesizer(configuration, on: Self.fixture.table, schema: Self.fixture.schema)
    }

    @Test func reproducesMarginalsMissingnessAndDependence() throws {
        let (table, schema) = SynthesisFixtures.mixed(rows: 400)
        let model = try GaussianCopula().fit(table, schema: schema, options: FitOptions(seed: Seed(1)))
        let sample = try model.sample(count: 4000, seed: Seed(2))
        let realAge = try #require(table["age"]?.numbers)
        let fakeAge = try #require(sample["age"]?.numbers)
        #expect(abs(mean(realAge) - mean(fakeAge)) < 1.5)
        let realIncome = try #require(table["income"]?.numbers)
        let fakeIncome = try #require(sample["income"]?.numbers)
        let realMissing = Double(realIncome.filter(\.isNaN).count) / Double(realIncome.count)
        let fakeMissing = Double(fakeIncome.filter(\.isNaN).count) / Double(fakeIncome.count)
        #expect(abs(realMissing - fakeMissing) < 0.03)
        let realCorrelation = Correlation.pearson(realAge, realIncome)
        let fakeCorrelation = Correlation.pearson(fakeAge, fakeIncome)
        #expect(realCorrelation > 0.5)
        #expect(abs(realCorrelation - fakeCorrelation) < 0.08)
        // Category association survives: retired people are older than students.
        let segments = try #require(sample["segment"])
        var ages: [String: [Double]] = [:]
        for row in 0..<sample.rowCount {
            if let segment = segments.text(at: row) { ages[segment, default: []].append(fakeAge[row]) }
        }
        #expect(mean(ages["retired"] ?? []) > mean(ages["student"] ?? []) + 15)
        // Decimal places kept; dates are whole days.
        #expect(fakeIncome.filter { !$0.isNaN }.allSatisfy { abs($0 * 100 - ($0 * 100).rounded()) < 1e-6 })
        let signup = try #require(sample["signup"]?.numbers)
        #expect(signup.allSatisfy { $0.truncatingRemainder(dividingBy: 86_400) == 0 })
    }

    @Test func modelsStronglyAssociatedCategoricalsJointly() throws {
        // colour and shape are tied non-monotonically; size is independent of both.
        var stream = Seed(4).stream()
        let pairs = [("red", "circle"), ("green", "square"), ("blue", "circle"), ("red", "star"), ("green", "star")]
        var colours: [String?] = []
        var shapes: [String?] = []
        var sizes: [String?] = []
        for _ in 0..<600 {
            let pair = pairs[stream.nextIndex(below: pairs.count)]
            colours.append(pair.0)
            shapes.append(pair.1)
            sizes.append(stream.nextUniform() < 0.5 ? "small" : "large")
        }
        let table = try Table(columns: [
            Column(name: "colour", strings: colours), Column(name: "shape", strings: shapes), Column(name: "size", strings: sizes),
        ])
        let schema = Schema(columns: ["colour", "shape", "size"].map { ColumnSchema(name: $0, kind: .categorical) })
        let model = try GaussianCopula().fit(table, schema: schema, options: FitOptions(seed: Seed(0)))
        let summary = model.summary()
        #expect(summary.columns[0].family == "joint categorical with shape")
        #expect(summary.columns[2].family.hasPrefix("categorical intervals"))
        let sample = try model.sample(count: 3000, seed: Seed(1))
        let allowed = Set(pairs.map { "\($0.0)/\($0.1)" })
        let sampledColours = try #require(sample["colour"])
        let sampledShapes = try #require(sample["shape"])
        let combinations = (0..<sample.rowCount).map { "\(sampledColours.text(at: $0) ?? "")/\(sampledShapes.text(at: $0) ?? "")" }
        #expect(combinations.allSatisfy { allowed.contains($0) })
        #expect(Set(combinations) == allowed)
        let separate = try GaussianCopula(jointAssociationThreshold: 2).fit(table, schema: schema, options: FitOptions(seed: Seed(0)))
        #expect(separate.summary().columns.allSatisfy { $0.family.hasPrefix("categorical intervals") })
    }

    @Test func handlesConstantAndAllMissingColumns() throws {
        let table = try Table(columns: [
            Column(name: "constant", numbers: [Double?](repeating: 7, count: 30)),
            Column(name: "empty", numbers: [Double?](repeating: nil, count: 30)),
            Column(name: "only", strings: [String?](repeating: "a", count: 30)),
            Column(name: "varying", numbers: (0..<30).map { Double($0) }),
        ])
        let schema = Schema(columns: [
            ColumnSchema(name: "constant", kind: .numerical), ColumnSchema(name: "empty", kind: .numerical, missingShare: 1),
            ColumnSchema(name: "only", kind: .categorical), ColumnSchema(name: "varying", kind: .numerical),
        ])
        let model = try GaussianCopula().fit(table, schema: schema, options: FitOptions(seed: Seed(0)))
        let sample = try model.sample(count: 100, seed: Seed(1))
        #expect(sample["constant"]?.numbers?.allSatisfy { $0 == 7 } == true)
        #expect(sample["empty"]?.missingCount == 100)
        #expect(sample["only"]?.text(at: 0) == "a" && sample["only"]?.missingCount == 0)
        #expect(model.summary().correlation?.dimension == 1)
    }

    @Test func reportsBadHyperparametersAndSchemasWithLocations() throws {
        let (table, schema) = Self.fixture
        let bad = GaussianCopula(
            familyOverrides: ["nope": .beta], parametricTolerance: 2, empiricalKnots: 1, maximumJointCategories: 1)
        do {
            _ = try bad.fit(table, schema: schema, options: FitOptions(seed: Seed(0)))
            Issue.record("bad hyperparameters were accepted")
        } catch {
            #expect(error.code == .invalidArgument)
            let fields = Set(([error] + error.additionalProblems).compactMap { $0.location?.field })
            #expect(fields == ["parametricTolerance", "empiricalKnots", "maximumJointCategories", "familyOverrides.nope"])
        }
        var wrongKind = schema
        wrongKind.columns[4].kind = .numerical
        do {
            _ = try GaussianCopula().fit(table, schema: wrongKind, options: FitOptions(seed: Seed(0)))
            Issue.record("a text column declared numerical was accepted")
        } catch {
            #expect(error.code == .invalidSchema && error.location?.column == "segment")
        }
        let infinite = try Table(columns: [Column(name: "x", numbers: [1, .infinity, 3])])
        #expect(throws: SynthKitError.self) {
            try GaussianCopula().fit(infinite, schema: Schema(columns: [ColumnSchema(name: "x", kind: .numerical)]),
                                     options: FitOptions(seed: Seed(0)))
        }
    }

    @Test func choosesMarginalFamiliesByFitQuality() throws {
        var stream = Seed(3).stream()
        let uniform = (0..<2000).map { _ in Double?(stream.nextUniform() * 10) }
        let normal = (0..<2000).map { _ in Double?(stream.nextNormal() * 2 + 50) }
        let table = try Table(columns: [Column(name: "flat", numbers: uniform), Column(name: "bell", numbers: normal)])
        let schema = Schema(columns: [ColumnSchema(name: "flat", kind: .numerical), ColumnSchema(name: "bell", kind: .numerical)])
        let model = try GaussianCopula(parametricTolerance: 0.05).fit(table, schema: schema, options: FitOptions(seed: Seed(0)))
        let families = Dictionary(uniqueKeysWithValues: model.summary().columns.map { ($0.name, $0.family) })
        #expect(families["flat"] == "uniform" || families["flat"] == "beta")
        #expect(families["bell"] == "truncatedNormal" || families["bell"] == "beta")
        let strict = try GaussianCopula(parametricTolerance: 0).fit(table, schema: schema, options: FitOptions(seed: Seed(0)))
        #expect(strict.summary().columns.allSatisfy { $0.family.hasPrefix("empirical") })
        let overridden = try GaussianCopula(familyOverrides: ["bell": .gamma]).fit(table, schema: schema, options: FitOptions(seed: Seed(0)))
        #expect(overridden.summary().columns.last?.family == "gamma")
    }

    @Test func summaryRendersColumnsAndNotes() throws {
        let (table, schema) = Self.fixture
        let model = try GaussianCopula().fit(table, schema: schema, options: FitOptions(seed: Seed(9), inputSHA256: "abc"))
        let summary = model.summary()
        #expect(summary.columns.map(\.name) == schema.columnNames)
        #expect(summary.notes.contains { $0.contains("email") })
        #expect(summary.provenance.seed == "9" && summary.provenance.inputSHA256 == "abc")
        #expect(summary.provenance.hyperparameters["defaultFamily"] == "auto")
        let text = summary.renderText()
        #expect(text.contains("gaussian-copula") && text.contains("income") && text.contains("Correlation:"))
        #expect(summary.correlation?.strongestPairs.first.map { abs($0.correlation) > 0.3 } == true)
    }

    func mean(_ values: [Double]) -> Double {
        let present = values.filter { !$0.isNaN }
        return present.isEmpty ? .nan : present.reduce(0, +) / Double(present.count)
    }
}
