using Grpc.Core;
using Qdrant.Client.Grpc;

namespace Copilot.UnitTests.Qdrant;

/// <summary>One collection of the fake server: its definition, payload indexes and points, checked as strictly as Qdrant does.</summary>
public sealed class FakeQdrantCollection(CreateCollection definition)
{
    private readonly Dictionary<string, PointStruct> _points = [];
    private readonly Dictionary<string, FieldType> _indexes = [];

    public CreateCollection Definition { get; } = definition;

    public IReadOnlyCollection<PointStruct> Points => _points.Values;

    public IReadOnlyDictionary<string, FieldType> Indexes => _indexes;

    public CollectionInfo Info()
    {
        var info = new CollectionInfo
        {
            PointsCount = (ulong)_points.Count,
            Config = new CollectionConfig
            {
                Params = new CollectionParams
                {
                    VectorsConfig = Definition.VectorsConfig,
                    SparseVectorsConfig = Definition.SparseVectorsConfig,
                },
            },
        };
        foreach (var (field, type) in _indexes)
            info.PayloadSchema[field] = new PayloadSchemaInfo { DataType = Enum.Parse<PayloadSchemaType>(type.ToString()) };
        return info;
    }

    public void Index(CreateFieldIndexCollection index) => _indexes[index.FieldName] = index.FieldType;

    public void Upsert(IEnumerable<PointStruct> points)
    {
        foreach (var point in points)
        {
            Validate(point);
            _points[point.Id.Uuid] = point.Clone();
        }
    }

    public void Delete(PointsSelector selector)
    {
        var doomed = selector.PointsSelectorOneOfCase switch
        {
            PointsSelector.PointsSelectorOneOfOneofCase.Filter => Matching(selector.Filter).Select(point => point.Id.Uuid).ToList(),
            PointsSelector.PointsSelectorOneOfOneofCase.Points => selector.Points.Ids.Select(id => id.Uuid).ToList(),
            _ => throw Invalid("Delete needs a filter or point ids."),
        };
        foreach (var id in doomed) _points.Remove(id);
    }

    public int Count(Filter? filter) => Matching(filter).Count();

    public IEnumerable<PointStruct> Matching(Filter? filter) => _points.Values.Where(point => FakeQdrantFilter.Matches(filter, point));

    /// <summary>Like Qdrant: named vectors only, each declared by the collection, dense ones of the declared size.</summary>
    private void Validate(PointStruct point)
    {
        if (point.Vectors?.VectorsOptionsCase != Vectors.VectorsOptionsOneofCase.Vectors_)
            throw Invalid("This collection has named vectors; unnamed vector given.");
        foreach (var (name, vector) in point.Vectors.Vectors_.Vectors)
        {
            switch (vector.VectorCase)
            {
                case Vector.VectorOneofCase.Dense:
                    var declared = Definition.VectorsConfig?.ParamsMap?.Map;
                    if (declared is null || !declared.TryGetValue(name, out var dense))
                        throw Invalid($"Wrong input: Not existing vector name error: {name}");
                    if ((ulong)vector.Dense.Data.Count != dense.Size)
                        throw Invalid($"Wrong input: Vector dimension error: expected dim: {dense.Size}, got {vector.Dense.Data.Count}");
                    break;
                case Vector.VectorOneofCase.Sparse:
                    if (Definition.SparseVectorsConfig?.Map.ContainsKey(name) != true)
                        throw Invalid($"Wrong input: Not existing vector name error: {name}");
                    if (vector.Sparse.Indices.Distinct().Count() != vector.Sparse.Indices.Count || vector.Sparse.Indices.Count != vector.Sparse.Values.Count)
                        throw Invalid("Sparse vector indices must be unique and match the values.");
                    break;
                default:
                    throw Invalid($"The fake accepts dense and sparse vectors only, got {vector.VectorCase}.");
            }
        }
    }

    private static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));
}
