using SiteAgent.Backends;
using SiteAgent.Core.Orders;
using SiteAgent.Waldur;
using SiteAgent.Waldur.Secrets;

namespace SiteAgent.Core.Tests.Orders;

public class OrderErrorsTests
{
    [Test]
    public async Task Details_NotExposed_BackendErrorKeepsItsMessageWithoutTraceback()
    {
        var (message, traceback) = OrderErrors.Details(new BackendException("Parent account 'x' doesn't exist"), expose: false);

        await Assert.That(message).IsEqualTo("Parent account 'x' doesn't exist");
        await Assert.That(traceback).IsEqualTo(string.Empty);
    }

    [Test]
    public async Task Details_NotExposed_OtherErrorsBecomeTheGenericText()
    {
        var (message, traceback) = OrderErrors.Details(new InvalidOperationException("internal detail"), expose: false);

        await Assert.That(message).IsEqualTo("Internal backend error. Please contact the service provider.");
        await Assert.That(traceback).IsEqualTo(string.Empty);
    }

    [Test]
    public async Task Details_Exposed_SecretsAreStillMasked()
    {
        SecretRedactor.Shared.AddSecrets(["order-errors-secret-123"]);

        var (message, traceback) = OrderErrors.Details(new BackendException("token order-errors-secret-123 rejected"), expose: true);

        await Assert.That(message).IsEqualTo("token ******** rejected");
        await Assert.That(traceback).DoesNotContain("order-errors-secret-123");
    }

    [Test]
    public async Task IsTransient_FollowsTheWaldurClassificationAndNetworkFailures()
    {
        await Assert.That(OrderErrors.IsTransient(new HttpRequestException("connection refused"))).IsTrue();
        await Assert.That(OrderErrors.IsTransient(new BackendException("sacctmgr failed"))).IsFalse();
        await Assert.That(OrderErrors.IsTransient(new InvalidOperationException())).IsFalse();
        await Assert.That(OrderErrors.IsTransient(new WaldurTransportException("marketplace_orders_list", "GET", "/api/marketplace-orders/", "connection refused"))).IsTrue();
    }
}
