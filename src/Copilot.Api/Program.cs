using Copilot.Api.Advisors;
using Copilot.Api.Audit;
using Copilot.Api.Auth;
using Copilot.Api.Campaigns;
using Copilot.Api.Chat;
using Copilot.Api.Clients;
using Copilot.Api.Compliance;
using Copilot.Api.Drafting;
using Copilot.Api.Hosting;
using Copilot.Api.Knowledge;
using Copilot.Api.Leads;
using Copilot.Api.Mcp;
using Copilot.Api.OpenAiCompatible;
using Copilot.Api.Outcomes;
using Copilot.Campaigns;
using Copilot.Chat;
using Copilot.Compliance;
using Copilot.Drafting;
using Copilot.Knowledge;
using Copilot.Outcomes;
using Copilot.Leads;
using Copilot.Plugins;
using Copilot.Storage;

var builder = WebApplication.CreateBuilder(args);

builder.AddCopilotLogging();
builder.AddCopilotStorage();
builder.AddCopilotKnowledge();
builder.AddCopilotChat();
builder.Services.AddCopilotPlugins();
builder.AddCopilotCompliance();
builder.AddCopilotDrafting();
builder.AddCopilotOutcomes();
builder.AddCopilotCampaigns();
builder.AddCopilotLeads();
builder.AddCopilotHttpApi();
builder.AddCopilotRateLimits();
builder.AddCopilotSecurityHeaders();
builder.AddCopilotAuth();
builder.AddCopilotMcp();

var app = builder.Build();

if (GenerateClientsCommand.Matches(args))
{
    await GenerateClientsCommand.RunAsync(app, args);
    return;
}

if (IngestCommand.Matches(args))
{
    await IngestCommand.RunAsync(app, args);
    return;
}

app.UseCopilotSecurityHeaders();
app.UseCopilotHttpApi();
app.UseCopilotAuth();
app.MapAuthEndpoints();
app.MapApiKeyAdminEndpoints();
app.MapKnowledgeEndpoints();
app.MapChatEndpoints();
app.MapChatCompletionsEndpoints();
app.MapComplianceEndpoints();
app.MapDraftEndpoints();
app.MapCampaignEndpoints();
app.MapAdvisorEndpoints();
app.MapClientEndpoints();
app.MapOutcomeEndpoints();
app.MapSegmentEndpoints();
app.MapLeadEndpoints();
app.MapAuditEndpoints();
app.MapCopilotMcp();
app.MapHealthEndpoints();
app.MapApiReference();

app.Run();

/// <summary>The service's entry point; public so tests can host it.</summary>
public partial class Program;
