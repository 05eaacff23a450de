using Copilot.Api.Auth;

namespace Copilot.Api.Mcp;

/// <summary>
/// The copilot's tools for MCP clients (office assistants, IDEs) at /mcp over Streamable HTTP, stateless so any replica
/// answers any request. The same keys, roles and advisor scopes as the REST API: the caller comes from the request.
/// </summary>
public static class McpServerSetup
{
    public const string Path = "/mcp";

    public static WebApplicationBuilder AddCopilotMcp(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<McpToolContext>();
        builder.Services.AddMcpServer(server =>
            {
                server.ServerInfo = new() { Name = "advisor-copilot", Title = "Advisor Copilot · 投顾助手", Version = "1.0" };
                server.ServerInstructions = "The brokerage's advisor copilot. Ask and search in Chinese or English; answers cite their sources. "
                    + "Client messages are drafts that wait for a compliance officer's review; nothing is sent to clients from here.";
            })
            .WithHttpTransport(transport => transport.Stateless = true)
            // [Authorize] on a tool class: listed and callable only for the roles its policy names.
            .AddAuthorizationFilters()
            .WithTools<KnowledgeMcpTools>()
            .WithTools<AdvisorMcpTools>()
            .WithTools<LeadMcpTools>();
        return builder;
    }

    public static WebApplication MapCopilotMcp(this WebApplication app)
    {
        // JSON-RPC, described by its own tools/list rather than by the OpenAPI document.
        app.MapMcp(Path).RequireAuthorization(AuthPolicies.AnyCaller).ExcludeFromDescription();
        return app;
    }
}
