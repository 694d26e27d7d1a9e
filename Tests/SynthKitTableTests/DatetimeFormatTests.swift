import Foundation
import SynthKitCore
import SynthKitTable
import Testing

@Suite struct DatetimeFormatTests {
    @Test func parsesAgainstFoundation() throws {
        let format = try DatetimeFormat("yyyy-MM-dd'T'HH:mm:ss")
        var random = Seed(3).stream()
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate]
        formatter.timeZone = TimeZone(identifier: "UTC")
        for _ in 0..<300 {
            let seconds = Double(Int(random.nextUniform() * 8e9) - 2_000_000_000)
            let text = format.format(seconds)
            #expect(format.parse(text) == seconds, "\(text)")
            #expect(formatter.date(from: text)?.timeIntervalSince1970 == seconds, "\(text)")
        }
    }

    @Test func zonesFractionsAndShortFields() throws {
        let iso = try DatetimeFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
        #expect(iso.parse("1970-01-01T00:00:01.5Z") == 1.5)
        #expect(iso.parse("1970-01-01T00:00:01Z") == 1)
        #expect(iso.parse("1970-01-01T02:00:00+02:00") == 0)
        #expect(iso.parse("1970-01-01T00:00:00-0130") == 5_400)
        #expect(iso.format(1.5) == "1970-01-01T00:00:01.500Z")
        #expect(iso.format(-0.25) == "1969-12-31T23:59:59.750Z")
        let offset = try DatetimeFormat("yyyy-MM-dd HH:mmxxx")
        #expect(offset.format(60) == "1970-01-01 00:01+00:00")
        let american = try DatetimeFormat("M/d/yyyy")
        #expect(american.parse("2/29/2024") == 1_709_164_800)
        #expect(american.parse("2/30/2024") == nil)
        #expect(american.format(1_709_164_800) == "2/29/2024")
        #expect(try DatetimeFormat("dd.MM.yyyy").parse("01.01.2000") == 946_684_800)
    }

    @Test(arguments: ["2024-1-01", "2024-01-01x", "", "2024-00-10", "2023-02-29", "24-01-01"])
    func rejectsMalformed(text: String) throws {
        #expect(try DatetimeFormat("yyyy-MM-dd").parse(text) == nil)
    }

    @Test func badPatternsAreErrors() {
        #expect(throws: SynthKitError.self) { try DatetimeFormat("yyyy-QQ") }
        #expect(throws: SynthKitError.self) { try DatetimeFormat("yyyy'T") }
    }
}
