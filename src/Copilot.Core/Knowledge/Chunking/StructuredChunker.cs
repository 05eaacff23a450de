namespace Copilot.Knowledge.Chunking;

/// <summary>
/// Splits a document on its structure, then by real token counts: an article stays whole when it fits,
/// paragraphs of one section are packed together, a Markdown table stays whole (or, when longer than a chunk, is cut
/// between rows under its repeated header), and anything too long is cut at sentence ends with a small overlap so a
/// sentence is never lost between two chunks.
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
        var whole = Join(paragraphs);
        if (tokens.Count(whole) <= maxTokens)
        {
            yield return whole;
            yield break;
        }

        var units = WithTablesWhole(paragraphs).SelectMany(p => tokens.Count(p) <= maxTokens ? [p]
            : IsTableRow(p) ? SplitTable(p) : SplitLong(p)).ToList();
        var current = new List<string>();
        var carried = 0; // how many leading units of current are overlap from the previous chunk
        foreach (var unit in units)
        {
            // Count the text as it will be joined, separators included, so no chunk exceeds the budget.
            if (current.Count > carried && Fits(current, unit) is false)
            {
                yield return Join(current);
                current = Overlap(current);
                carried = current.Count;
            }
            while (carried > 0 && Fits(current, unit) is false)
            {
                current.RemoveAt(0);
                carried--;
            }
            current.Add(unit);
        }
        if (current.Count > carried) yield return Join(current);
    }

    // A Markdown table's rows make one unit, so a chunk boundary never falls between a row and its header.
    private static IEnumerable<string> WithTablesWhole(List<string> paragraphs)
    {
        var table = new List<string>();
        foreach (var paragraph in paragraphs)
        {
            if (IsTableRow(paragraph)) { table.Add(paragraph); continue; }
            if (table.Count > 0) { yield return string.Join('\n', table); table.Clear(); }
            yield return paragraph;
        }
        if (table.Count > 0) yield return string.Join('\n', table);
    }

    private static bool IsTableRow(string line) => line.TrimStart().StartsWith('|');

    // A table too long for one chunk is cut between rows, each piece under the table's header and separator rows.
    private IEnumerable<string> SplitTable(string table)
    {
        var rows = table.Split('\n');
        var header = rows.Length > 1 && rows[1].Contains("---", StringComparison.Ordinal) ? rows[..2] : [];
        var piece = new List<string>(header);
        foreach (var row in rows[header.Length..])
        {
            if (piece.Count > header.Length && tokens.Count(string.Join('\n', [.. piece, row])) > maxTokens)
            {
                yield return string.Join('\n', piece);
                piece = [.. header];
            }
            if (tokens.Count(string.Join('\n', [.. piece, row])) > maxTokens)
            {
                // A single row longer than a chunk: cut as prose, it cannot stay a row.
                foreach (var part in SplitLong(row)) yield return part;
                continue;
            }
            piece.Add(row);
        }
        if (piece.Count > header.Length) yield return string.Join('\n', piece);
    }

    private bool Fits(List<string> current, string unit) => tokens.Count(Join([.. current, unit])) <= maxTokens;

    // Sentences of a paragraph too long for one chunk; a sentence too long on its own is cut at token boundaries.
    private IEnumerable<string> SplitLong(string paragraph)
    {
        foreach (var sentence in SentenceSplitter.Split(paragraph))
        {
            var rest = sentence;
            while (tokens.Count(rest) > maxTokens)
            {
                var cut = Math.Max(1, tokens.PrefixLength(rest, maxTokens));
                yield return rest[..cut];
                rest = rest[cut..];
            }
            if (rest.Length > 0) yield return rest;
        }
    }

    // The trailing sentences of the previous chunk that fit in the overlap budget, carried into the next one.
    private List<string> Overlap(List<string> previous)
    {
        var carried = new List<string>();
        foreach (var sentence in previous.SelectMany(SentenceSplitter.Split).Reverse())
        {
            if (tokens.Count(Join([sentence, .. carried])) > overlapTokens) break;
            carried.Insert(0, sentence);
        }
        return carried;
    }

    private static string Join(List<string> units) => string.Join('\n', units);
}
