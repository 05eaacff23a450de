namespace Copilot.Clients.Tags;

/// <summary>One client's facts as of a day, read once each and only when a condition asks, and the tags they hold.</summary>
public sealed class ClientFactSheet(ClientRecord record, DateOnly asOf, IReadOnlySet<string>? tags = null) : IClientFactSource
{
    private readonly Dictionary<ClientFact, object?> _values = [];
    private IReadOnlyList<Holding>? _holdings;

    public ClientRecord Record => record;

    public object? Fact(ClientFact fact)
    {
        if (_values.TryGetValue(fact, out var known)) return known;
        var value = fact.Read(record, asOf, _holdings ??= ClientFacts.Holdings(record)) switch
        {
            int i => (double)i,
            double d when double.IsNaN(d) || double.IsInfinity(d) => null,
            double d => Math.Round(d, 4),
            var other => other,
        };
        _values[fact] = value;
        return value;
    }

    public bool HasTag(string tagId) => tags?.Contains(tagId) == true;
}
