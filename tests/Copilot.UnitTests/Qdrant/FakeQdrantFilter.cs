using Grpc.Core;
using Qdrant.Client.Grpc;

namespace Copilot.UnitTests.Qdrant;

/// <summary>Evaluates the filters the index generates: keyword matches (on values or lists), numeric ranges, nesting.</summary>
public static class FakeQdrantFilter
{
    public static bool Matches(Filter? filter, PointStruct point) =>
        filter is null
        || (filter.Must.All(condition => Matches(condition, point))
            && !filter.MustNot.Any(condition => Matches(condition, point))
            && (filter.Should.Count == 0 || filter.Should.Any(condition => Matches(condition, point))));

    private static bool Matches(Condition condition, PointStruct point) => condition.ConditionOneOfCase switch
    {
        Condition.ConditionOneOfOneofCase.Field => Matches(condition.Field, point),
        Condition.ConditionOneOfOneofCase.Filter => Matches(condition.Filter, point),
        _ => throw Unsupported(condition.ConditionOneOfCase.ToString()),
    };

    private static bool Matches(FieldCondition field, PointStruct point)
    {
        if (!point.Payload.TryGetValue(field.Key, out var value)) return false;
        if (field.Match is { } match)
        {
            if (match.MatchValueCase != Match.MatchValueOneofCase.Keyword) throw Unsupported(match.MatchValueCase.ToString());
            return Values(value).Any(item => item.KindCase == Value.KindOneofCase.StringValue && item.StringValue == match.Keyword);
        }
        if (field.Range is { } range)
        {
            return Values(value).Any(item => Number(item) is { } number
                && (!range.HasGte || number >= range.Gte) && (!range.HasGt || number > range.Gt)
                && (!range.HasLte || number <= range.Lte) && (!range.HasLt || number < range.Lt));
        }
        throw Unsupported($"field condition on {field.Key}");
    }

    // A keyword or range condition on a list holds when it holds for any element, as in Qdrant.
    private static IEnumerable<Value> Values(Value value) =>
        value.KindCase == Value.KindOneofCase.ListValue ? value.ListValue.Values : [value];

    private static double? Number(Value value) => value.KindCase switch
    {
        Value.KindOneofCase.IntegerValue => value.IntegerValue,
        Value.KindOneofCase.DoubleValue => value.DoubleValue,
        _ => null,
    };

    private static RpcException Unsupported(string what) =>
        new(new Status(StatusCode.Unimplemented, $"The fake does not evaluate {what}."));
}
