using Copilot.Common;

namespace Copilot.UnitTests.Chat;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("这只基金的风险等级是多少？", "zh-CN")]
    [InlineData("What is the risk level of this fund?", "en")]
    [InlineData("请问 ETF 的申购费率", "zh-CN")]
    [InlineData("Is the 沪深300 ETF suitable for a conservative client?", "en")]
    [InlineData("", "en")]
    [InlineData("12345 ？！", "en")]
    [InlineData("㐀㐁", "zh-CN")]
    public void Detects_chinese_or_english_by_the_weight_of_chinese_characters(string text, string expected)
    {
        Assert.Equal(expected, LanguageDetector.Detect(text));
        Assert.Equal(expected == "zh-CN", LanguageDetector.IsChinese(text));
    }

    [Fact]
    public void One_chinese_character_weighs_about_as_much_as_four_latin_letters()
    {
        Assert.Equal("zh-CN", LanguageDetector.Detect("基abcd"));
        Assert.Equal("en", LanguageDetector.Detect("基abcde"));
    }
}
