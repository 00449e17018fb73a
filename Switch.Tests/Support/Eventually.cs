namespace Switch.Tests.Support;

/// <summary>Retries an assertion on something another thread or process brings about, until it holds or time runs out.</summary>
internal static class Eventually
{
    public static async Task AssertAsync(Action assertion, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            try
            {
                assertion();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }
}
