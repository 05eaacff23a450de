using System.Text.Json;
using Copilot.Api.Knowledge;
using Copilot.Chat;
using Copilot.Common;
using Copilot.Llm;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Copilot.Api.Chat;

public static class ChatEndpoints
{
    public static RouteGroupBuilder MapChatEndpoints(this IEndpointRouteBuilder app)
    {
        var chat = app.MapGroup("/v1/chat").WithTags("Chat");
        chat.MapPost("/", ChatAsync).WithName("Chat")
            .WithSummary("Ask a question; answers cite the knowledge base. Send Accept: text/event-stream to stream.")
            .Produces<ChatResponse>().Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesValidationProblem().ProducesProblem(422);
        chat.MapGet("/conversations/{id}", GetConversationAsync).WithName("GetConversation").WithSummary("A conversation's messages");
        return chat;
    }

    private static async Task<IResult> ChatAsync(
        ChatRequestBody body, HttpRequest request, ChatService chat, GeneratorInfo generator, TimeProvider time,
        ILoggerFactory loggers, CancellationToken ct)
    {
        var filter = KnowledgeFilterParser.Parse(body.Filters, DateOnly.FromDateTime(time.GetLocalNow().DateTime), "filters.");
        var session = await chat.StartAsync(new ChatRequest(body.Message ?? "", body.ConversationId, filter, body.AdvisorId), ct);

        if (request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase)))
            return TypedResults.ServerSentEvents(ChatEventStream.ToEvents(session, generator.Name, loggers.CreateLogger("Copilot.Chat"), ct));

        await foreach (var item in session.Events.WithCancellation(ct))
            if (item is AnswerCompleted done)
                return TypedResults.Ok(ChatResponse.From(session.ConversationId, done.Answer));
        throw new InvalidOperationException("The answer stream ended without an answer.");
    }

    private static async Task<Results<Ok<ConversationResponse>, NotFound>> GetConversationAsync(
        string id, ConversationStore conversations, CancellationToken ct)
    {
        if (!await conversations.ExistsAsync(id, ct)) return TypedResults.NotFound();
        var messages = await conversations.MessagesAsync(id, int.MaxValue, ct);
        return TypedResults.Ok(new ConversationResponse(id, messages.Select(m => new ConversationMessageResponse(
            m.Role, m.Content,
            m.CitationsJson is null ? null : JsonSerializer.Deserialize<List<Citation>>(m.CitationsJson, CopilotJson.Options),
            m.Generator, m.CreatedAtUtc)).ToList()));
    }
}
