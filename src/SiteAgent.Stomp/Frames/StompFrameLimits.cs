namespace SiteAgent.Stomp.Frames;

/// <summary>
/// Bounds on what the parser accepts from a peer, so that a broken or hostile peer cannot make the
/// client hold unbounded memory. A frame beyond them is a protocol error and drops the connection.
/// </summary>
/// <param name="MaxFrameBytes">Largest frame (command, headers and body) accepted. RabbitMQ's own default cap is 4 MB.</param>
/// <param name="MaxHeaderBytes">Largest command line plus header section.</param>
/// <param name="MaxHeaders">Most header lines in one frame.</param>
public sealed record StompFrameLimits(int MaxFrameBytes = StompFrameLimits.DefaultMaxFrameBytes, int MaxHeaderBytes = 64 * 1024, int MaxHeaders = 256)
{
    /// <summary>4 MiB plus room for headers: anything RabbitMQ's default configuration lets through.</summary>
    public const int DefaultMaxFrameBytes = 4 * 1024 * 1024 + 64 * 1024;

    /// <summary>The defaults.</summary>
    public static StompFrameLimits Default { get; } = new();

    /// <summary>Throws when a limit cannot work.</summary>
    public void Validate()
    {
        if (MaxHeaderBytes < 256) throw new ArgumentOutOfRangeException(nameof(MaxHeaderBytes), MaxHeaderBytes, "must be at least 256 bytes");
        if (MaxFrameBytes < MaxHeaderBytes) throw new ArgumentOutOfRangeException(nameof(MaxFrameBytes), MaxFrameBytes, $"must be at least MaxHeaderBytes ({MaxHeaderBytes})");
        if (MaxHeaders < 8) throw new ArgumentOutOfRangeException(nameof(MaxHeaders), MaxHeaders, "must be at least 8");
    }
}
