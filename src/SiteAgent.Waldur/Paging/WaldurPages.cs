using System.Runtime.CompilerServices;
using SiteAgent.Waldur.Operations;

namespace SiteAgent.Waldur;

/// <summary>One page of a Waldur list.</summary>
/// <param name="Items">The objects of the page.</param>
/// <param name="TotalCount">The <c>x-result-count</c> header: objects in the whole list, if sent.</param>
/// <param name="NextPage">The page number of the <c>rel="next"</c> link, or null on the last page.</param>
public sealed record WaldurPage<T>(IReadOnlyList<T> Items, int? TotalCount, int? NextPage);

/// <summary>
/// A Waldur list call, not yet sent. Enumerate it (or call <see cref="ToListAsync"/>) for all pages:
/// the first request carries <c>page_size=100</c>, and while the <c>Link</c> header names a next page
/// the same request is repeated with <c>page=&lt;n&gt;</c>. <see cref="FirstPageAsync"/> sends one
/// request without paging parameters (the server's default page).
/// </summary>
public sealed class WaldurPages<T> : IAsyncEnumerable<T>
{
    /// <summary>The page size of "all pages" requests (the maximum Waldur allows).</summary>
    public const int PageSize = 100;

    private readonly WaldurOperation _operation;
    private readonly Func<int?, int?, CancellationToken, Task<WaldurPage<T>>> _fetch;

    internal WaldurPages(WaldurOperation operation, Func<int?, int?, CancellationToken, Task<WaldurPage<T>>> fetch)
    {
        _operation = operation;
        _fetch = fetch;
    }

    /// <summary>One request without <c>page</c>/<c>page_size</c>: only for lists filtered down to a few objects.</summary>
    public Task<WaldurPage<T>> FirstPageAsync(CancellationToken cancellationToken = default) => _fetch(null, null, cancellationToken);

    /// <summary>Every page in order, each fetched when the previous one has been consumed.</summary>
    public async IAsyncEnumerable<WaldurPage<T>> PagesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var requested = new HashSet<int> { 1 };
        int? page = null;
        while (true)
        {
            var current = await _fetch(page, PageSize, cancellationToken).ConfigureAwait(false);
            yield return current;
            if (current.NextPage is not int next)
            {
                yield break;
            }

            if (!requested.Add(next))
            {
                throw new WaldurResponseException(_operation.Id, $"Waldur's paging of {_operation.Id} loops: page {next} was already fetched.");
            }

            page = next;
        }
    }

    /// <summary>All objects of all pages.</summary>
    public async Task<IReadOnlyList<T>> ToListAsync(CancellationToken cancellationToken = default)
    {
        var all = new List<T>();
        await foreach (var page in PagesAsync(cancellationToken).ConfigureAwait(false))
        {
            all.AddRange(page.Items);
        }

        return all;
    }

    /// <inheritdoc />
    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in PagesAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Items)
            {
                yield return item;
            }
        }
    }
}
