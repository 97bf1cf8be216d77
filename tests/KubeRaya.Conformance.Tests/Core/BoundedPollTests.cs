using System.Diagnostics;
using FluentAssertions;
using KubeRaya.Conformance.Polling;
using Xunit;

namespace KubeRaya.Conformance.Tests.Core;

public class BoundedPollTests
{
    private static readonly NamedTimeout Short = new("test", TimeSpan.FromMilliseconds(600));

    [Fact]
    public async Task A_condition_that_never_holds_ends_at_its_named_timeout()
    {
        var clock = Stopwatch.StartNew();

        var result = await BoundedPoll.UntilAsync(_ => Task.FromResult(1), _ => false, Short, CancellationToken.None, interval: TimeSpan.FromMilliseconds(50));

        result.Satisfied.Should().BeFalse();
        result.Timeout.Name.Should().Be("test");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Convergence_needs_the_required_number_of_consecutive_successes()
    {
        var answers = new Queue<bool>([true, false, true, true, true]);

        var result = await BoundedPoll.UntilAsync(_ => Task.FromResult(answers.Dequeue()), ok => ok, new NamedTimeout("t", TimeSpan.FromSeconds(5)), CancellationToken.None, consecutive: 3, interval: TimeSpan.FromMilliseconds(1));

        result.Satisfied.Should().BeTrue();
        result.Attempts.Should().Be(5);
    }

    [Fact]
    public async Task An_observation_that_throws_counts_as_a_failed_attempt_not_a_crash()
    {
        var calls = 0;

        var result = await BoundedPoll.UntilAsync<int>(_ => ++calls < 3 ? throw new InvalidOperationException("not yet") : Task.FromResult(calls), n => n >= 3, new NamedTimeout("t", TimeSpan.FromSeconds(5)), CancellationToken.None, interval: TimeSpan.FromMilliseconds(1));

        result.Satisfied.Should().BeTrue();
    }

    [Fact]
    public async Task Cancellation_from_the_caller_is_passed_on()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var act = () => BoundedPoll.UntilAsync(_ => Task.FromResult(0), _ => false, new NamedTimeout("t", TimeSpan.FromSeconds(30)), cancel.Token, interval: TimeSpan.FromMilliseconds(10));

        await act.Should().ThrowAsync<OperationCanceledException>();
    }
}
