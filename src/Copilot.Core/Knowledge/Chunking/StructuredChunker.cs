namespace Copilot.Knowledge.Chunking;

/// <summary>
/// Splits a document on its structure, then by real token counts: an article stays whole when it fits,
/// paragraphs of one section are packed together, and anything too long is cut at sentence ends with a
/// small overlap so a sentence is never lost between two chunks.
/// </summary>
public sealed class StructuredChunker(TokenCounter tokens, int maxTokens, int overlapTokens)
{
    public IReadOnlyList<KnowledgeChunk> Chunk(string documentId, string text)
    {
        var (_, blocks) = MarkdownBlockParser.Parse(text);
        var chunks = new List<KnowledgeChunk>();
        foreach (var group in GroupBySection(blocks))
        {
            foreach (var piece in Pack(group.Paragraphs))
                chunks.Add(new KnowledgeChunk(KnowledgeChunk.IdFor(documentId, chunks.Count), documentId,
                    chunks.Count, group.Section, piece, tokens.Count(piece)));
        }
        return chunks;
    }

    // Consecutive non-article blocks of one section pack together; each article is its own group.
    private static IEnumerable<(string Section, List<string> Paragraphs)> GroupBySection(IReadOnlyList<MarkdownBlock> blocks)
    {
        (string Section, List<string> Paragraphs)? current = null;
        foreach (var block in blocks)
        {
            if (current is { } open && !block.IsArticle && open.Section == block.Section)
            {
                open.Paragraphs.AddRange(block.Text.Split('\n'));
                continue;
            }
            if (current is { } done) yield return done;
            current = (block.Section, block.IsArticle ? [block.Text] : [.. block.Text.Split('\n')]);
        }
        if (current is { } last) yield return last;
    }

    private IEnumerable<string> Pack(List<string> paragraphs)
    {
        var whole = string.Join('\n', paragraphs);
        if (tokens.Count(whole) <= maxTokens)
        {
            yield return whole;
            yield break;
        }

        var units = paragraphs.SelectMany(p => tokens.Count(p) <= maxTokens ? [p] : SplitLong(p)).ToList();
        var current = new List<string>();
        var currentTokens = 0;
        foreach (var unit in units)
        {
            var unitTokens = tokens.Count(unit);
            if (current.Count > 0 && currentTokens + unitTokens > maxTokens)
            {
                yield return Join(current);
                current = Overlap(current);
                currentTokens = current.Sum(tokens.Count);
            }
            current.Add(unit);
            currentTokens += unitTokens;
        }
        if (current.Count > 0) yield return Join(current);
    }

    // Sentences of a paragraph too long for one chunk; a sentence too long on its own is cut by length.
    private IEnumerable<string> SplitLong(string paragraph)
    {
        foreach (var sentence in SentenceSplitter.Split(paragraph))
        {
            var count = tokens.Count(sentence);
            if (count <= maxTokens)
            {
                yield return sentence;
                continue;
            }
            var pieces = (count + maxTokens - 1) / maxTokens;
            var size = (sentence.Length + pieces - 1) / pieces;
            for (var start = 0; start < sentence.Length; start += size)
                yield return sentence.Substring(start, Math.Min(size, sentence.Length - start));
        }
    }

    // The trailing units of the previous chunk that fit in the overlap budget, carried into the next one.
    private List<string> Overlap(List<string> previous)
    {
        var carried = new List<string>();
        var budget = overlapTokens;
        for (var i = previous.Count - 1; i >= 0; i--)
        {
            var tail = SentenceSplitter.Split(previous[i]);
            for (var j = tail.Count - 1; j >= 0; j--)
            {
                var cost = tokens.Count(tail[j]);
                if (cost > budget) return carried;
                carried.Insert(0, tail[j]);
                budget -= cost;
            }
        }
        return carried;
    }

    private static string Join(List<string> units) => string.Join('\n', units);
}
