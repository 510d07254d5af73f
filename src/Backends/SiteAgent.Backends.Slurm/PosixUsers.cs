using System.Runtime.InteropServices;

namespace SiteAgent.Backends.Slurm;

/// <summary>What the system user database (NSS: files, LDAP, SSSD…) knows about a user.</summary>
public enum PosixUserLookup
{
    /// <summary>The user exists.</summary>
    Found,

    /// <summary>The database answered that there is no such user.</summary>
    NotFound,

    /// <summary>The lookup failed (NSS backend down…): callers treat the user as existing.</summary>
    Failed,
}

/// <summary>
/// Looks users up with <c>getpwnam_r(3)</c> instead of running <c>id -u</c>: no
/// locale-dependent text to parse, and a lookup error is told apart from "no such user".
/// </summary>
public static partial class PosixUsers
{
    private const int ERANGE = 34;

    /// <summary>Looks the user up; <paramref name="home"/> is the home directory when found.</summary>
    public static PosixUserLookup Lookup(string user, out string? home)
    {
        home = null;
        if (!OperatingSystem.IsLinux())
        {
            return PosixUserLookup.Failed;
        }

        // struct passwd on 64-bit Linux (glibc and musl): name, passwd, uid+gid, gecos, dir, shell.
        var record = Marshal.AllocHGlobal(64);
        var size = 16 * 1024;
        try
        {
            while (true)
            {
                var buffer = Marshal.AllocHGlobal(size);
                try
                {
                    var error = GetPwNamR(user, record, buffer, (nuint)size, out var result);
                    if (error == ERANGE && size < 1024 * 1024)
                    {
                        size *= 4;
                        continue;
                    }

                    if (error != 0)
                    {
                        return PosixUserLookup.Failed;
                    }

                    if (result == IntPtr.Zero)
                    {
                        return PosixUserLookup.NotFound;
                    }

                    home = Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(result, (3 * IntPtr.Size) + 8));
                    return PosixUserLookup.Found;
                }
                finally
                {
                    Marshal.FreeHGlobal(buffer);
                }
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return PosixUserLookup.Failed;
        }
        finally
        {
            Marshal.FreeHGlobal(record);
        }
    }

    [LibraryImport("libc", EntryPoint = "getpwnam_r", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int GetPwNamR(string name, IntPtr record, IntPtr buffer, nuint size, out IntPtr result);
}
