using System.Numerics.Tensors;
using Copilot.Knowledge.Index;
using Grpc.Core;
using Qdrant.Client.Grpc;

namespace Copilot.UnitTests.Qdrant;

/// <summary>
/// Answers the universal query API: nearest by cosine (dense) or IDF-weighted dot product (sparse), and
/// prefetches fused by reciprocal rank with Qdrant's default k of 2.
/// </summary>
public static class FakeQdrantQuery
{
    private const int QdrantRrfK = 2;

    public static IEnumerable<ScoredPoint> Run(FakeQdrantCollection collection, QueryPoints query)
    {
        var candidates = collection.Matching(query.Filter).ToList();
        IEnumerable<(PointStruct Point, double Score)> ranked;
        if (query.Prefetch.Count > 0)
        {
            if (query.Query?.VariantCase != Query.VariantOneofCase.Fusion || query.Query.Fusion != Fusion.Rrf)
                throw Unsupported("prefetches without RRF fusion");
            var rankings = query.Prefetch
                .Select(prefetch => Nearest(collection, candidates.Where(point => FakeQdrantFilter.Matches(prefetch.Filter, point)),
                    prefetch.Query, prefetch.Using, prefetch.HasLimit ? prefetch.Limit : 10))
                .Select(ranking => (IReadOnlyList<PointStruct>)ranking.Select(hit => hit.Point).ToList())
                .ToList();
            ranked = ReciprocalRankFusion.Fuse(rankings, QdrantRrfK).Select(hit => (hit.Key, hit.Score));
        }
        else
        {
            ranked = Nearest(collection, candidates, query.Query, query.Using, ulong.MaxValue);
        }

        var withPayload = query.WithPayload?.Enable == true;
        return ranked.Take((int)(query.HasLimit ? query.Limit : 10)).Select(hit =>
        {
            var scored = new ScoredPoint { Id = hit.Point.Id, Score = (float)hit.Score };
            if (withPayload) scored.Payload.Add(hit.Point.Payload);
            return scored;
        }).ToList();
    }

    private static List<(PointStruct Point, double Score)> Nearest(
        FakeQdrantCollection collection, IEnumerable<PointStruct> candidates, Query? query, string vectorName, ulong limit)
    {
        if (query?.VariantCase != Query.VariantOneofCase.Nearest) throw Unsupported($"query {query?.VariantCase}");
        var input = query.Nearest;
        var points = candidates.ToList();
        Func<PointStruct, double?> score = input.VariantCase switch
        {
            VectorInput.VariantOneofCase.Dense => point => Cosine(input.Dense.Data.ToArray(), StoredVector(point, vectorName)?.Dense?.Data.ToArray()),
            VectorInput.VariantOneofCase.Sparse => SparseScorer(collection, input.Sparse, vectorName),
            _ => throw Unsupported($"vector input {input.VariantCase}"),
        };
        return points
            .Select(point => (Point: point, Score: score(point)))
            .Where(hit => hit.Score is not null)
            .Select(hit => (hit.Point, Score: hit.Score!.Value))
            .OrderByDescending(hit => hit.Score)
            .Take((int)Math.Min(limit, int.MaxValue))
            .ToList();
    }

    private static Func<PointStruct, double?> SparseScorer(FakeQdrantCollection collection, SparseVector query, string vectorName)
    {
        var all = collection.Points.Select(point => StoredVector(point, vectorName)?.Sparse).OfType<SparseVector>().ToList();
        var useIdf = collection.Definition.SparseVectorsConfig.Map.TryGetValue(vectorName, out var config) && config.Modifier == Modifier.Idf;
        double Idf(uint index)
        {
            var containing = all.Count(vector => vector.Indices.Contains(index));
            return Math.Log(1 + (all.Count - containing + 0.5) / (containing + 0.5));
        }
        var weights = query.Indices.Zip(query.Values, (index, value) => (index, weight: value * (useIdf ? Idf(index) : 1)))
            .ToDictionary(term => term.index, term => term.weight);

        // Like Qdrant, a sparse search returns only points sharing at least one term with the query.
        return point => StoredVector(point, vectorName)?.Sparse is not { } stored
            ? null
            : stored.Indices.Zip(stored.Values).Where(term => weights.ContainsKey(term.First)) is var shared && shared.Any()
                ? shared.Sum(term => term.Second * weights[term.First])
                : null;
    }

    private static double? Cosine(float[] query, float[]? stored) =>
        stored is null || stored.Length != query.Length ? null : TensorPrimitives.CosineSimilarity(query, stored);

    private static Vector? StoredVector(PointStruct point, string name) =>
        point.Vectors?.Vectors_?.Vectors.TryGetValue(name, out var vector) == true ? vector : null;

    private static RpcException Unsupported(string what) =>
        new(new Status(StatusCode.Unimplemented, $"The fake does not answer {what}."));
}
