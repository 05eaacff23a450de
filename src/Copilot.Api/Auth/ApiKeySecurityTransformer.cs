using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Copilot.Api.Auth;

/// <summary>Describes the API key in the OpenAPI document, so Scalar and generated CRM clients send it.</summary>
internal sealed class ApiKeySecurityTransformer : IOpenApiDocumentTransformer
{
    private const string Id = "apiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Id] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key (configured in Auth:ApiKeys or created at /v1/admin/keys) as 'Authorization: Bearer <key>' "
                + "(or in the X-Api-Key header), or the firm's single sign-on token (a JWT) as 'Authorization: Bearer <token>'. "
                + "Without keys or sign-on the service is open.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Id, document)] = [] });
        return Task.CompletedTask;
    }
}
