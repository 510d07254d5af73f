namespace SiteAgent.Waldur.Emulator.Http;

/// <summary>Serves one operation; runs under the state lock, so it must not block.</summary>
public delegate ApiResult ApiHandler(ApiContext context);

/// <summary>One served operation: method, path template, operationId and handler.</summary>
/// <param name="Method">Upper-case HTTP method.</param>
/// <param name="Template">Path template with <c>{name}</c> segments and a trailing slash.</param>
/// <param name="OperationId">The operationId from operations.md.</param>
/// <param name="Handler">The handler.</param>
/// <param name="Since81">True for the five operations that exist only from Waldur 8.1.x.</param>
public sealed record ApiRoute(string Method, string Template, string OperationId, ApiHandler Handler, bool Since81 = false)
{
    private readonly string[] _segments = Template.Trim('/').Split('/');

    /// <summary>Count of literal segments; more literal routes win over parameterised ones.</summary>
    public int LiteralSegments => _segments.Count(s => !s.StartsWith('{'));

    /// <summary>Matches a path (trailing slash required) and captures parameters.</summary>
    public bool TryMatch(string path, Dictionary<string, string> values)
    {
        var parts = path.Trim('/').Split('/');
        if (parts.Length != _segments.Length) return false;
        values.Clear();
        for (var i = 0; i < parts.Length; i++)
        {
            if (_segments[i].StartsWith('{')) values[_segments[i][1..^1]] = Uri.UnescapeDataString(parts[i]);
            else if (!string.Equals(_segments[i], parts[i], StringComparison.Ordinal)) return false;
        }
        return true;
    }
}

/// <summary>The emulator's route table.</summary>
/// <remarks>
/// To add an operation: 1. write a handler in the <c>Routes/</c> file of its API area; 2. register it in that
/// file's <c>Map</c> with the operationId from operations.md; 3. add a test that calls it over HTTP.
/// </remarks>
public sealed class ApiRouteTable
{
    private readonly List<ApiRoute> _routes = [];

    /// <summary>All routes in registration order.</summary>
    public IReadOnlyList<ApiRoute> Routes => _routes;

    /// <summary>Registers a GET operation.</summary>
    public void Get(string template, string operationId, ApiHandler handler, bool since81 = false) => Add("GET", template, operationId, handler, since81);

    /// <summary>Registers a POST operation.</summary>
    public void Post(string template, string operationId, ApiHandler handler, bool since81 = false) => Add("POST", template, operationId, handler, since81);

    /// <summary>Registers a PUT operation.</summary>
    public void Put(string template, string operationId, ApiHandler handler) => Add("PUT", template, operationId, handler, false);

    /// <summary>Registers a PATCH operation.</summary>
    public void Patch(string template, string operationId, ApiHandler handler) => Add("PATCH", template, operationId, handler, false);

    /// <summary>Registers a DELETE operation.</summary>
    public void Delete(string template, string operationId, ApiHandler handler) => Add("DELETE", template, operationId, handler, false);

    private void Add(string method, string template, string operationId, ApiHandler handler, bool since81)
    {
        _routes.Add(new ApiRoute(method, template, operationId, handler, since81));
        _routes.Sort((a, b) => b.LiteralSegments.CompareTo(a.LiteralSegments));
    }

    /// <summary>Finds the route for method and path; <paramref name="allowed"/> lists methods served on the path otherwise.</summary>
    public ApiRoute? Match(string method, string path, Dictionary<string, string> values, List<string> allowed)
    {
        foreach (var route in _routes)
        {
            if (!route.TryMatch(path, values)) continue;
            if (route.Method == method) return route;
            allowed.Add(route.Method);
        }
        return null;
    }
}
