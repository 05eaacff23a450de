using System.Text.Json;
using Copilot.Api.Auth;
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
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(422).RequireAuthorization(AuthPolicies.AnyCaller);
        chat.MapGet("/conversations", ListConversationsAsync).WithName("ListConversations")
            .WithSummary("The caller's own conversations, most recently active first (the latest 50)").RequireAuthorization(AuthPolicies.AnyCaller);
        chat.MapGet("/conversations/{id}", GetConversationAsync).WithName("GetConversation").WithSummary("A conversation's messages")
            .RequireAuthorization(AuthPolicies.AnyCaller);
        return chat;
    }

    private static async Task<IResult> ChatAsync(
        ChatRequestBody body, HttpRequest request, Caller caller, ChatService chat, GeneratorInfo generator, TimeProvider time,
        ILoggerFactory loggers, CancellationToken ct)
    {
        var filter = KnowledgeFilterParser.Parse(body.Filters, DateOnly.FromDateTime(time.GetLocalNow().DateTime), "filters.");
        var advisorId = caller.ActFor(body.AdvisorId, "advisorId");
        var streamed = request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase));
        var session = await chat.StartAsync(
            new ChatRequest(body.Message ?? "", body.ConversationId, filter, advisorId, caller.Name, caller.AuthorFor(advisorId), streamed), ct);

        if (streamed)
            return TypedResults.ServerSentEvents(ChatEventStream.ToEvents(session, generator.Name, loggers.CreateLogger("Copilot.Chat"), ct));

        await foreach (var item in session.Events.WithCancellation(ct))
            if (item is AnswerCompleted done)
                return TypedResults.Ok(ChatResponse.From(session.ConversationId, done.Answer));
        throw new InvalidOperationException("The answer stream ended without an answer.");
    }

    private static async Task<Ok<ConversationListResponse>> ListConversationsAsync(Caller caller, ConversationStore conversations, CancellationToken ct) =>
        TypedResults.Ok(new ConversationListResponse(
            await conversations.ListAsync(caller.Name, caller.Role == CallerRole.Advisor ? caller.AdvisorId : null, 50, ct)));

    private static async Task<Results<Ok<ConversationResponse>, NotFound>> GetConversationAsync(
        string id, Caller caller, ConversationStore conversations, CancellationToken ct)
    {
        // Someone else's conversation does not exist for this caller: its history may name an advisor's clients.
        if (await conversations.FindAsync(id, ct) is not { } conversation || !OwnedBy(conversation, caller)) return TypedResults.NotFound();
        var messages = await conversations.MessagesAsync(id, int.MaxValue, ct);
        return TypedResults.Ok(new ConversationResponse(id, messages.Select(m => new ConversationMessageResponse(
            m.Role, m.Content,
            m.CitationsJson is null ? null : JsonSerializer.Deserialize<List<Citation>>(m.CitationsJson, CopilotJson.Options),
            m.Generator, m.CreatedAtUtc)).ToList()));
    }

    // The owner reads it, as whichever advisor it acts for there (an advisor's key: its own; the CRM or an admin: the one it named).
    private static bool OwnedBy(Conversation conversation, Caller caller) =>
        ConversationStore.Owns(conversation, caller.Name, caller.Role == CallerRole.Advisor ? caller.AdvisorId : conversation.AdvisorId);
}
