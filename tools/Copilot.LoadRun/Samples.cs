namespace Copilot.LoadRun;

/// <summary>Latencies of one series, in seconds, reported in milliseconds by nearest-rank percentiles.</summary>
internal sealed class Samples(string name)
{
    private readonly List<double> _values = [];
    private readonly Lock _lock = new();

    public string Name { get; } = name;
    public int Count { get { lock (_lock) return _values.Count; } }

    public void Add(double seconds) { lock (_lock) _values.Add(seconds); }

    public double Percentile(double p)
    {
        lock (_lock)
        {
            if (_values.Count == 0) return double.NaN;
            var sorted = _values.Order().ToList();
            return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)] * 1000;
        }
    }

    public double Mean() { lock (_lock) return _values.Count == 0 ? double.NaN : _values.Average() * 1000; }

    public static void PrintTable(string title, IEnumerable<Samples> series)
    {
        Console.WriteLine($"\n{title}\n\n| step | n | mean ms | p50 ms | p95 ms | p99 ms |\n|---|---:|---:|---:|---:|---:|");
        foreach (var s in series)
            Console.WriteLine($"| {s.Name} | {s.Count} | {s.Mean():F1} | {s.Percentile(50):F1} | {s.Percentile(95):F1} | {s.Percentile(99):F1} |");
    }
}
