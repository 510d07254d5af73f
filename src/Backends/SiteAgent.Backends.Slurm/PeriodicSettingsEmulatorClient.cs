using System.Net.Http.Headers;
using System.Text.Json;

namespace SiteAgent.Backends.Slurm;

/// <summary>
/// Sends periodic settings to a SLURM emulator's HTTP API (<c>POST {base}/api/apply-periodic-settings</c>)
/// instead of changing SLURM: one request per present setting, as the reference agent does, so a test
/// site sees the same calls.
/// </summary>
public sealed class PeriodicSettingsEmulatorClient
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly HttpClient Http = new() { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    private readonly Uri _endpoint;

    /// <summary>Creates a client for the emulator at <paramref name="baseUrl"/> (http or https).</summary>
    public PeriodicSettingsEmulatorClient(string baseUrl) =>
        _endpoint = new Uri(baseUrl.TrimEnd('/') + "/api/apply-periodic-settings", UriKind.Absolute);

    /// <summary>Posts fairshare, limits and the raw-usage reset (those present) for <paramref name="account"/>; the first failure is thrown.</summary>
    /// <exception cref="BackendException">The emulator is unreachable, slower than 10 s, or answers with an error status.</exception>
    public async Task ApplyAsync(string account, PeriodicSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Fairshare is { } fairshare)
        {
            await PostAsync(Body(account, w => w.WriteNumber("fairshare", fairshare)), cancellationToken).ConfigureAwait(false);
        }

        if (settings.LimitsKey is { } key)
        {
            await PostAsync(Body(account, w =>
            {
                w.WriteStartObject(key);
                foreach (var (tres, value) in settings.Limits)
                {
                    w.WriteNumber(tres, value);
                }

                w.WriteEndObject();
            }), cancellationToken).ConfigureAwait(false);
        }

        if (settings.ResetRawUsage)
        {
            await PostAsync(Body(account, w => w.WriteBoolean("reset_raw_usage", true)), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PostAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        try
        {
            using var response = await Http.PostAsync(_endpoint, content, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
                throw new BackendException(
                    $"The SLURM emulator at {_endpoint} answered {(int)response.StatusCode} {response.ReasonPhrase}: {(text.Length > 300 ? text[..300] + "…" : text)}");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BackendException($"The SLURM emulator at {_endpoint} did not answer within {Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            throw new BackendException($"The SLURM emulator at {_endpoint} cannot be reached: {e.Message}; check periodic_limits.emulator_base_url");
        }
    }

    private static byte[] Body(string account, Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("resource_id", account);
            write(writer);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
