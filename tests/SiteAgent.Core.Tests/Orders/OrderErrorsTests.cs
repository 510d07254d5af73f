using SiteAgent.Backends;
using SiteAgent.Core.Observability;
using SiteAgent.Core.Orders;
using SiteAgent.Waldur;

namespace SiteAgent.Core.Tests.Orders;

public class OrderErrorsTests
{
    [Fact]
    public void Details_NotExposed_BackendErrorKeepsItsMessageWithoutTraceback()
    {
        var (message, traceback) = OrderErrors.Details(new BackendException("Parent account 'x' doesn't exist"), expose: false);

        Assert.Equal("Parent account 'x' doesn't exist", message);
        Assert.Equal(string.Empty, traceback);
    }

    [Fact]
    public void Details_NotExposed_OtherErrorsBecomeTheGenericText()
    {
        var (message, traceback) = OrderErrors.Details(new InvalidOperationException("internal detail"), expose: false);

        Assert.Equal("Internal backend error. Please contact the service provider.", message);
        Assert.Equal(string.Empty, traceback);
    }

    [Fact]
    public void Details_Exposed_SecretsAreStillMasked()
    {
        SecretRedactor.Shared.AddSecrets(["order-errors-secret-123"]);

        var (message, traceback) = OrderErrors.Details(new BackendException("token order-errors-secret-123 rejected"), expose: true);

        Assert.Equal("token ******** rejected", message);
        Assert.DoesNotContain("order-errors-secret-123", traceback, StringComparison.Ordinal);
    }

    [Fact]
    public void IsTransient_FollowsTheWaldurClassificationAndNetworkFailures()
    {
        Assert.True(OrderErrors.IsTransient(new HttpRequestException("connection refused")));
        Assert.False(OrderErrors.IsTransient(new BackendException("sacctmgr failed")));
        Assert.False(OrderErrors.IsTransient(new InvalidOperationException()));
        Assert.True(OrderErrors.IsTransient(new WaldurTransportException("marketplace_orders_list", "GET", "/api/marketplace-orders/", "connection refused")));
    }
}
