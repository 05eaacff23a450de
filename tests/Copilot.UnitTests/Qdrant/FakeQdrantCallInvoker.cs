using Google.Protobuf;
using Grpc.Core;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace Copilot.UnitTests.Qdrant;

/// <summary>
/// An in-process Qdrant: answers the real protobuf requests of <see cref="QdrantClient"/> from in-memory
/// collections and records every request, so tests can check both what was asked and what it did.
/// </summary>
public sealed class FakeQdrantCallInvoker : CallInvoker
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FakeQdrantCollection> _collections = [];
    private readonly List<IMessage> _requests = [];
    private readonly List<IMessage> _responses = [];
    private int? _failNextUpsertAfter;

    public QdrantClient CreateClient() => new(new QdrantGrpcClient(this));

    public FakeQdrantCollection Collection(string name)
    {
        lock (_gate) return _collections[name];
    }

    public bool HasCollection(string name)
    {
        lock (_gate) return _collections.ContainsKey(name);
    }

    public IReadOnlyList<T> Requests<T>() where T : IMessage
    {
        lock (_gate) return _requests.OfType<T>().ToList();
    }

    public IReadOnlyList<T> Responses<T>() where T : IMessage
    {
        lock (_gate) return _responses.OfType<T>().ToList();
    }

    public void ClearRequests()
    {
        lock (_gate)
        {
            _requests.Clear();
            _responses.Clear();
        }
    }

    /// <summary>The next upsert stores its first <paramref name="pointsStored"/> points, then fails as a dropped connection would.</summary>
    public void FailNextUpsert(int pointsStored)
    {
        lock (_gate) _failNextUpsertAfter = pointsStored;
    }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        Task<TResponse> response;
        try
        {
            lock (_gate)
            {
                _requests.Add((IMessage)request);
                var answer = Handle(method.FullName, (IMessage)request);
                _responses.Add(answer);
                response = Task.FromResult((TResponse)answer);
            }
        }
        catch (RpcException error)
        {
            response = Task.FromException<TResponse>(error);
        }
        return new AsyncUnaryCall<TResponse>(response, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
    }

    private IMessage Handle(string method, IMessage request) => (method, request) switch
    {
        ("/qdrant.Collections/CollectionExists", CollectionExistsRequest exists) =>
            new CollectionExistsResponse { Result = new CollectionExists { Exists = _collections.ContainsKey(exists.CollectionName) } },
        ("/qdrant.Collections/Create", CreateCollection create) => Create(create),
        ("/qdrant.Collections/Get", GetCollectionInfoRequest get) => new GetCollectionInfoResponse { Result = Find(get.CollectionName).Info() },
        ("/qdrant.Points/CreateFieldIndex", CreateFieldIndexCollection index) => Updated(() => Find(index.CollectionName).Index(index)),
        ("/qdrant.Points/Upsert", UpsertPoints upsert) => Upsert(upsert),
        ("/qdrant.Points/Delete", DeletePoints delete) => Updated(() => Find(delete.CollectionName).Delete(delete.Points)),
        ("/qdrant.Points/Count", CountPoints count) =>
            new CountResponse { Result = new CountResult { Count = (ulong)Find(count.CollectionName).Count(count.Filter) } },
        ("/qdrant.Points/Query", QueryPoints query) => new QueryResponse { Result = { FakeQdrantQuery.Run(Find(query.CollectionName), query) } },
        _ => throw new RpcException(new Status(StatusCode.Unimplemented, $"The fake does not answer {method}.")),
    };

    private CollectionOperationResponse Create(CreateCollection create)
    {
        if (_collections.ContainsKey(create.CollectionName))
            throw new RpcException(new Status(StatusCode.AlreadyExists, $"Collection `{create.CollectionName}` already exists!"));
        _collections[create.CollectionName] = new FakeQdrantCollection(create);
        return new CollectionOperationResponse { Result = true };
    }

    private PointsOperationResponse Upsert(UpsertPoints upsert)
    {
        var collection = Find(upsert.CollectionName);
        if (_failNextUpsertAfter is { } stored)
        {
            _failNextUpsertAfter = null;
            collection.Upsert(upsert.Points.Take(stored));
            throw new RpcException(new Status(StatusCode.Unavailable, "Connection reset mid-upsert."));
        }
        collection.Upsert(upsert.Points);
        return Completed();
    }

    private FakeQdrantCollection Find(string name) =>
        _collections.TryGetValue(name, out var collection)
            ? collection
            : throw new RpcException(new Status(StatusCode.NotFound, $"Collection `{name}` doesn't exist!"));

    private static PointsOperationResponse Updated(Action update)
    {
        update();
        return Completed();
    }

    private static PointsOperationResponse Completed() =>
        new() { Result = new UpdateResult { Status = UpdateStatus.Completed } };

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        AsyncUnaryCall(method, host, options, request).ResponseAsync.GetAwaiter().GetResult();

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new NotSupportedException("Qdrant's client makes only unary calls.");

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException("Qdrant's client makes only unary calls.");

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException("Qdrant's client makes only unary calls.");
}
