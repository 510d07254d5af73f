using System;
using System.Collections;
using System.Collections.Generic;

namespace SiteAgent.Generators.Model;

/// <summary>An immutable array compared by its items, so incremental steps holding it can be cached.</summary>
/// <remarks>Plain arrays compare by reference, which would make every pipeline step look changed.</remarks>
internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
{
    private readonly T[]? _items;

    /// <summary>Wraps the items; the caller must not change the array afterwards.</summary>
    public EquatableArray(T[] items) => _items = items;

    /// <summary>An empty array.</summary>
    public static EquatableArray<T> Empty { get; } = new(Array.Empty<T>());

    /// <summary>Number of items.</summary>
    public int Count => _items?.Length ?? 0;

    /// <summary>The item at an index.</summary>
    public T this[int index] => _items![index];

    /// <inheritdoc />
    public bool Equals(EquatableArray<T> other)
    {
        if (Count != other.Count)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < Count; i++)
        {
            if (!comparer.Equals(_items![i], other._items![i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = 17;
        var comparer = EqualityComparer<T>.Default;
        foreach (var item in this)
        {
            hash = unchecked((hash * 31) + (item is null ? 0 : comparer.GetHashCode(item)));
        }

        return hash;
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_items ?? Array.Empty<T>())).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Equality by items.</summary>
    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    /// <summary>Inequality by items.</summary>
    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);
}

/// <summary>Builds <see cref="EquatableArray{T}"/> values.</summary>
internal static class EquatableArray
{
    /// <summary>Copies a sequence into an equatable array.</summary>
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items) => new(new List<T>(items).ToArray());
}
