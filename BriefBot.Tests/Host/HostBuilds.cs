namespace BriefBot.Tests.Host;

/// <summary>
/// One ASP.NET Core host built at a time in the test process. WebApplicationFactory finds the host that Program.cs
/// builds through a process-wide diagnostic listener, so it can catch any other host built at the same moment (a
/// fake service's, another factory's) and fail with "Addresses cannot be modified after the server has started".
/// </summary>
public static class HostBuilds
{
    private static readonly SemaphoreSlim One = new(1, 1);

    public static async Task<T> OneAtATimeAsync<T>(Func<Task<T>> build)
    {
        await One.WaitAsync();
        try
        {
            return await build();
        }
        finally
        {
            One.Release();
        }
    }
}
