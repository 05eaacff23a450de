namespace Copilot.UnitTests.Knowledge.Chunking;

/// <summary>Reads how consecutive chunks of sentence-per-line text overlap.</summary>
internal static class ChunkOverlap
{
    /// <summary>The longest run of lines that ends <paramref name="previous"/> and starts <paramref name="next"/>.</summary>
    public static IReadOnlyList<string> Carried(string previous, string next)
    {
        var before = previous.Split('\n');
        var after = next.Split('\n');
        for (var length = Math.Min(before.Length - 1, after.Length); length > 0; length--)
        {
            if (before[^length..].SequenceEqual(after[..length]))
                return after[..length];
        }
        return [];
    }

    /// <summary>The lines of all chunks in order, with each chunk's carried-over lines counted once.</summary>
    public static IReadOnlyList<string> Unique(IReadOnlyList<string> chunks)
    {
        var lines = new List<string>(chunks.Count == 0 ? [] : chunks[0].Split('\n'));
        for (var i = 1; i < chunks.Count; i++)
            lines.AddRange(chunks[i].Split('\n').Skip(Carried(chunks[i - 1], chunks[i]).Count));
        return lines;
    }
}
