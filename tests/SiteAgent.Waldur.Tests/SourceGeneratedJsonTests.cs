using System.Text.Json;
using SiteAgent.Waldur.Json;
using SiteAgent.Waldur.Models;

namespace SiteAgent.Waldur.Tests;

/// <summary>
/// The client's JSON work is done by the source-generated <see cref="WaldurJsonContext"/> alone: this
/// project runs with <c>JsonSerializerIsReflectionEnabledByDefault=false</c> (as a trimmed or AOT
/// agent does), so every client test here would fail on a reflection-based (de)serialization.
/// </summary>
public sealed class SourceGeneratedJsonTests
{
    [Fact]
    public void ReflectionSerialization_DisabledInThisProcess_AsInTheAotAgent()
    {
        Assert.False(JsonSerializer.IsReflectionEnabledByDefault);
        Assert.Throws<InvalidOperationException>(() => JsonSerializer.Serialize(new StatusResponse { Status = "x" }));
    }

    [Fact]
    public void WaldurJsonContext_ModelMetadata_ComesFromTheGeneratedContext()
    {
        var context = WaldurJsonContext.Default;

        var status = JsonSerializer.Serialize(new StatusResponse { Status = "ok" }, context.StatusResponse);

        Assert.Equal("""{"status":"ok"}""", status);
        Assert.Same(context, context.OrderDetails.OriginatingResolver);
        Assert.Same(context, context.GetTypeInfo(typeof(List<Resource>))!.OriginatingResolver);
    }
}
