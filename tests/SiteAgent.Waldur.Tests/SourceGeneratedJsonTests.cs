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
    [Test]
    public async Task ReflectionSerialization_DisabledInThisProcess_AsInTheAotAgent()
    {
        await Assert.That(JsonSerializer.IsReflectionEnabledByDefault).IsFalse();
        Assert.ThrowsExactly<InvalidOperationException>(() => JsonSerializer.Serialize(new StatusResponse { Status = "x" }));
    }

    [Test]
    public async Task WaldurJsonContext_ModelMetadata_ComesFromTheGeneratedContext()
    {
        var context = WaldurJsonContext.Default;

        var status = JsonSerializer.Serialize(new StatusResponse { Status = "ok" }, context.StatusResponse);

        await Assert.That(status).IsEqualTo("""{"status":"ok"}""");
        await Assert.That(context.OrderDetails.OriginatingResolver).IsSameReferenceAs(context);
        await Assert.That(context.GetTypeInfo(typeof(List<Resource>))!.OriginatingResolver).IsSameReferenceAs(context);
    }
}
