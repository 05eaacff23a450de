using Copilot.Knowledge.Chunking;

namespace Copilot.UnitTests.Knowledge.Chunking;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void Chinese_sentences_end_at_full_stop_exclamation_and_question_marks_which_they_keep()
    {
        Assert.Equal(["市场有风险。", "投资须谨慎！", "您了解吗？", "好的"], SentenceSplitter.Split("市场有风险。投资须谨慎！您了解吗？好的"));
    }

    [Fact]
    public void A_closing_quote_stays_with_its_sentence()
    {
        Assert.Equal(["他说：“不保本。”", "然后离开了。"], SentenceSplitter.Split("他说：“不保本。”然后离开了。"));
    }

    [Fact]
    public void A_chinese_semicolon_ends_a_clause_like_a_sentence()
    {
        Assert.Equal(["（一）违反规定的；", "（二）情节严重的。"], SentenceSplitter.Split("（一）违反规定的；（二）情节严重的。"));
    }

    [Fact]
    public void English_sentences_end_at_a_stop_followed_by_space_and_decimals_are_not_cut()
    {
        Assert.Equal(["The fee is 1.5 percent.", "Returns are not guaranteed!", "Is it R3?"],
            SentenceSplitter.Split("The fee is 1.5 percent. Returns are not guaranteed! Is it R3?"));
    }

    [Fact]
    public void Line_breaks_end_a_sentence_and_blank_pieces_are_dropped()
    {
        Assert.Equal(["第一行", "第二行"], SentenceSplitter.Split("  第一行\n\n\n第二行\n  "));
    }

    [Fact]
    public void Empty_text_has_no_sentences()
    {
        Assert.Empty(SentenceSplitter.Split(""));
    }
}
