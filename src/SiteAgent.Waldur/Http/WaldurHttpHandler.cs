using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using SiteAgent.Waldur.Logging;

namespace SiteAgent.Waldur.Http;

/// <summary>Builds the socket handler of a client from its TLS and proxy options.</summary>
internal static class WaldurHttpHandler
{
    /// <summary>A handler that follows no redirects (paths are exact), with the configured proxy and trust.</summary>
    public static SocketsHttpHandler Create(WaldurClientOptions options, ILogger logger)
    {
        var handler = new SocketsHttpHandler
        {
            // The reference's client follows no redirects; a redirect means a wrong waldur_api_url
            // and must surface as an error rather than silently turn a POST into a GET.
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };

        if (options.Proxy is not null)
        {
            handler.Proxy = new WebProxy(options.Proxy);
            handler.UseProxy = true;
        }

        if (!options.VerifyTls)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }
        else if (options.CaBundlePath is { } path)
        {
            var roots = LoadBundle(path);
            WaldurLog.CaBundleLoaded(logger, roots.Count, path);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                AcceptWithBundle(roots, certificate, chain, errors);
        }

        return handler;
    }

    /// <summary>The certificates of a PEM bundle; an unreadable or empty bundle is a configuration error.</summary>
    internal static X509Certificate2Collection LoadBundle(string path)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new ArgumentException($"The CA bundle '{path}' could not be read: {ex.Message}", nameof(path), ex);
        }

        return roots.Count > 0 ? roots : throw new ArgumentException($"The CA bundle '{path}' holds no PEM certificate.", nameof(path));
    }

    /// <summary>
    /// Accepts what the system store accepts; otherwise, for chain errors only (never a name
    /// mismatch), rebuilds the chain with the bundle's certificates as trust anchors.
    /// </summary>
    internal static bool AcceptWithBundle(X509Certificate2Collection roots, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is null)
        {
            return false;
        }

        using var copy = certificate is X509Certificate2 ? null : new X509Certificate2(certificate);
        var leaf = copy ?? (X509Certificate2)certificate;
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(roots);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return custom.Build(leaf);
    }
}
