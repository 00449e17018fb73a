namespace Switch.Tests.Support;

/// <summary>Retries an assertion on something another thread or process brings about, until it holds or time runs out.</summary>
internal static class Eventually
{
    public static Task AssertAsync(Action assertion, TimeSpan? within = null) =>
        AssertAsync(
            () =>
            {
                assertion();
                return Task.CompletedTask;
            },
            within);

    public static async Task AssertAsync(Func<Task> assertion, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            try
            {
                await assertion();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }
}
