using Copilot.Knowledge;
using Copilot.Knowledge.Chunking;
using Microsoft.ML.Tokenizers;

namespace Copilot.UnitTests.Knowledge.Chunking;

/// <summary>
/// A long run with no space or punctuation (one pre-token to cl100k) is counted in pieces, so it no longer costs a
/// quadratic byte-pair merge; ordinary text is still counted exactly as the tokenizer counts it.
/// </summary>
public sealed class LongRunTokenTests
{
    private static readonly Tokenizer Cl100k = TiktokenTokenizer.CreateForModel("gpt-4");

    [Theory]
    [InlineData("证券公司应当按照规定为客户开立账户，保护投资者的合法权益，不得挪用客户的交易结算资金。")]
    [InlineData("Securities firms shall open accounts for clients and protect the lawful rights of investors.")]
    [InlineData("第一百二十条　经国务院证券监督管理机构核准，取得经营证券业务许可证，证券公司可以经营下列部分或者全部证券业务：\n（一）证券经纪；")]
    public void Ordinary_text_is_counted_exactly_as_the_tokenizer_counts_it(string text)
    {
        Assert.Equal(Cl100k.CountTokens(text), TokenCounter.Shared.Count(text));
        Assert.Equal(Cl100k.GetIndexByTokenCount(text, 10, out _, out _, considerPreTokenization: true, considerNormalization: false),
            TokenCounter.Shared.PrefixLength(text, 10));
    }

    [Fact]
    public void A_long_run_of_one_character_is_counted_within_one_token_per_cut_of_the_exact_count()
    {
        var run = new string('的', 2_000); // long enough to cut, short enough for the exact count to stay affordable
        var cuts = run.Length / TokenCounter.MaxRun;

        var exact = Cl100k.CountTokens(run);
        var counted = TokenCounter.Shared.Count(run);

        Assert.InRange(counted, exact, exact + cuts);
    }

    [Fact]
    public void A_prefix_of_a_long_run_fits_its_budget_and_is_not_far_short_of_it()
    {
        var run = new string('的', 5_000);

        var length = TokenCounter.Shared.PrefixLength(run, 512);

        Assert.InRange(Cl100k.CountTokens(run[..length]), 500, 512);
    }

    [Fact]
    public void Ten_thousand_copies_of_one_Chinese_character_chunk_into_pieces_within_budget_that_keep_every_character()
    {
        var text = new string('的', 10_000);
        var chunker = new StructuredChunker(TokenCounter.Shared, maxTokens: 512, overlapTokens: 64);

        var chunks = chunker.Chunk("doc", text);

        Assert.True(chunks.Count > 1);
        Assert.All(chunks, c => Assert.True(Cl100k.CountTokens(c.Text) <= 512, $"chunk {c.Ordinal}: {Cl100k.CountTokens(c.Text)} tokens"));
        // Pieces of one sentence are cut at token boundaries with no overlap to carry (the overlap is whole sentences),
        // so the chunks put back together are the text.
        Assert.Equal(text, string.Concat(chunks.Select(c => c.Text.Replace("\n", ""))));
        Assert.All(chunks, c => Assert.Equal(TokenCounter.Shared.Count(c.Text), c.Tokens));
    }

    [Fact]
    public void A_run_of_a_supplementary_plane_character_is_never_cut_between_its_surrogates()
    {
        var text = string.Concat(Enumerable.Repeat("𠀀", 600)); // U+20000, two UTF-16 units each

        var length = TokenCounter.Shared.PrefixLength(text, 100);

        Assert.Equal(0, length % 2);
        Assert.True(TokenCounter.Shared.Count(text) >= 600);
    }
}
