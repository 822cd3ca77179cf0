import Projections
import Testing

/// How report cells are written as CSV fields: quoted when they must be, formulas defused.
@Suite struct CSVFieldTests {
    @Test func fieldsAreQuotedOnlyWhenTheyHoldACommaQuoteOrLineBreak() {
        #expect(CSV.field("党支部") == "党支部")
        #expect(CSV.field("") == "")
        #expect(CSV.field("a,b") == "\"a,b\"")
        #expect(CSV.field("说\"好\"") == "\"说\"\"好\"\"\"")
        #expect(CSV.field("two\nlines") == "\"two\nlines\"")
        #expect(CSV.field("cr\rhere") == "\"cr\rhere\"")
    }

    @Test func formulaLikeTextIsDefusedButNumbersAreNot() {
        #expect(CSV.field("=1+2") == "'=1+2")
        #expect(CSV.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSV.field("+86 871") == "'+86 871")
        #expect(CSV.field("-5") == "-5")
        #expect(CSV.field("-") == "-")
        #expect(CSV.field("=a,b") == "\"'=a,b\"")
    }

    @Test func aLineJoinsFieldsAndEndsInCRLF() {
        #expect(CSV.line(["a", "b,c", "=x"]) == "a,\"b,c\",'=x\r\n")
    }
}
