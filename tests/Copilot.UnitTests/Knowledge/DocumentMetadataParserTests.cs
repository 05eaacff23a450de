using Copilot.Common;
using Copilot.Knowledge;

namespace Copilot.UnitTests.Knowledge;

public sealed class DocumentMetadataParserTests
{
    private const string ChineseText = "本基金为混合型基金，风险等级为中风险。";
    private const string EnglishText = "This fund is a balanced fund with a medium risk rating.";

    [Fact]
    public void Valid_fields_become_metadata()
    {
        var metadata = Parse(new()
        {
            ["id"] = "fund-a.2025_q2", ["title"] = " 稳健收益基金 ", ["type"] = "Product", ["audience"] = "CLIENT",
            ["publisher"] = "示例证券", ["published"] = "2025/03/01", ["validUntil"] = "20251231",
            ["productCodes"] = "sf001, sf002;sf001，SF003 sf004", ["riskLevel"] = "r3", ["lockupMonths"] = "6", ["language"] = "en",
        });

        Assert.Equal("fund-a.2025_q2", metadata.Id);
        Assert.Equal("稳健收益基金", metadata.Title);
        Assert.Equal(DocumentType.Product, metadata.Type);
        Assert.Equal(Audience.Client, metadata.Audience);
        Assert.Equal("示例证券", metadata.Publisher);
        Assert.Equal(new DateOnly(2025, 3, 1), metadata.Published);
        Assert.Equal(new DateOnly(2025, 12, 31), metadata.ValidUntil);
        Assert.Equal(["SF001", "SF002", "SF003", "SF004"], metadata.ProductCodes);
        Assert.Equal("R3", metadata.RiskLevel);
        Assert.Equal(6, metadata.LockupMonths);
        Assert.Equal("en", metadata.Language);
    }

    [Fact]
    public void Absent_optional_fields_take_their_defaults_and_an_id_is_generated()
    {
        var metadata = DocumentMetadataParser.Parse(new Dictionary<string, string?> { ["type"] = "faq", ["publisher"] = "  " }, "标题", ChineseText);

        Assert.Equal("标题", metadata.Title);
        Assert.Equal(Audience.Internal, metadata.Audience);
        Assert.Null(metadata.Publisher);
        Assert.Empty(metadata.ProductCodes);
        Assert.Matches("^doc-[0-9a-f]{12}$", metadata.Id);
        Assert.True(DocumentMetadataParser.IsValidId(metadata.Id));
    }

    [Theory]
    [InlineData("memo"), InlineData("7"), InlineData("1")]
    public void An_unknown_type_names_the_type_field_without_repeating_it(string type)
    {
        var error = Assert.Throws<InputValidationException>(() => Parse(new() { ["type"] = type }));

        Assert.Equal(["type"], error.Errors.Keys);
        // Problems name the field and the reason, never the caller's value (it may be anything they pasted).
        Assert.DoesNotContain(type, error.Errors["type"][0]);
    }

    [Fact]
    public void A_list_of_types_or_audiences_is_rejected_rather_than_combined_into_another_value()
    {
        var error = Assert.Throws<InputValidationException>(() => Parse(new() { ["type"] = "compliance,product", ["audience"] = "internal,client" }));

        Assert.Contains("type", error.Errors.Keys);
        Assert.Contains("audience", error.Errors.Keys);
    }

    [Fact]
    public void Product_codes_listed_with_chinese_separators_are_split()
    {
        Assert.Equal(["SF001", "SF002", "SF003"], Parse(new() { ["type"] = "product", ["productCodes"] = "SF001、SF002；SF003" }).ProductCodes);
    }

    [Fact]
    public void A_missing_type_and_title_are_both_named()
    {
        var error = Assert.Throws<InputValidationException>(() => DocumentMetadataParser.Parse(new Dictionary<string, string?>(), null, ChineseText));

        Assert.Contains("type", error.Errors.Keys);
        Assert.Contains("title", error.Errors.Keys);
    }

    [Theory]
    [InlineData("2025-13-01"), InlineData("yesterday"), InlineData("01/03/2025")]
    public void A_bad_date_names_the_published_field(string date)
    {
        var error = Assert.Throws<InputValidationException>(() => Parse(new() { ["type"] = "research", ["published"] = date }));

        Assert.Equal(["published"], error.Errors.Keys);
    }

    [Theory]
    [InlineData("R6"), InlineData("R0"), InlineData("high"), InlineData("R33")]
    public void A_risk_level_outside_r1_to_r5_is_rejected(string level)
    {
        var error = Assert.Throws<InputValidationException>(() => Parse(new() { ["type"] = "product", ["riskLevel"] = level }));

        Assert.Equal(["riskLevel"], error.Errors.Keys);
    }

    [Fact]
    public void Valid_until_before_published_is_rejected_but_the_same_day_is_allowed()
    {
        var error = Assert.Throws<InputValidationException>(() =>
            Parse(new() { ["type"] = "research", ["published"] = "2025-06-01", ["validUntil"] = "2025-05-31" }));
        Assert.Equal(["validUntil"], error.Errors.Keys);

        var sameDay = Parse(new() { ["type"] = "research", ["published"] = "2025-06-01", ["validUntil"] = "2025-06-01" });
        Assert.Equal(sameDay.Published, sameDay.ValidUntil);
    }

    [Theory]
    [InlineData("-1"), InlineData("601"), InlineData("six")]
    public void Lockup_months_outside_0_to_600_are_rejected(string months)
    {
        var error = Assert.Throws<InputValidationException>(() => Parse(new() { ["type"] = "product", ["lockupMonths"] = months }));

        Assert.Equal(["lockupMonths"], error.Errors.Keys);
    }

    [Theory]
    [InlineData("-starts-with-dash"), InlineData("has space"), InlineData("a/b"), InlineData("证券法?2019")]
    public void An_id_that_is_not_a_single_path_segment_is_rejected(string id)
    {
        var error = Assert.Throws<InputValidationException>(() => Parse(new() { ["type"] = "faq", ["id"] = id }));

        Assert.Equal(["id"], error.Errors.Keys);
    }

    [Fact]
    public void Chinese_ids_from_chinese_file_names_are_accepted() =>
        Assert.Equal("证券法-2019", Parse(new() { ["type"] = "compliance", ["id"] = "证券法-2019" }).Id);

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        var error = Assert.Throws<InputValidationException>(() =>
            Parse(new() { ["type"] = "memo", ["riskLevel"] = "R6", ["published"] = "soon", ["audience"] = "public" }));

        Assert.Equal(["audience", "published", "riskLevel", "type"], error.Errors.Keys.Order());
    }

    [Theory]
    [InlineData(ChineseText, "zh-CN"), InlineData(EnglishText, "en")]
    public void The_language_is_detected_from_the_text_when_absent(string text, string expected)
    {
        var metadata = DocumentMetadataParser.Parse(new Dictionary<string, string?> { ["type"] = "faq", ["title"] = "t" }, null, text);

        Assert.Equal(expected, metadata.Language);
    }

    private static DocumentMetadata Parse(Dictionary<string, string?> fields)
    {
        fields.TryAdd("title", "标题");
        return DocumentMetadataParser.Parse(new Dictionary<string, string?>(fields, StringComparer.OrdinalIgnoreCase), null, ChineseText);
    }
}
