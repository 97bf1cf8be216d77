using System.IO.Pipelines;
using System.Text;
using FluentAssertions;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Probes.RawTls;
using Xunit;
using static KubeRaya.Conformance.Tests.RawTls.ServerRecords;

namespace KubeRaya.Conformance.Tests.RawTls;

public sealed class ServerAnswerReaderTests
{
    private static readonly NamedTimeout Short = new("raw-hello", TimeSpan.FromMilliseconds(300));

    private static Task<ServerAnswer> Read(params byte[][] chunks) =>
        ServerAnswerReader.ReadAsync(new MemoryStream(chunks.SelectMany(c => c).ToArray()), Short, CancellationToken.None);

    [Fact]
    public async Task A_ServerHello_is_read_with_its_version_and_chosen_suite()
    {
        var answer = await Read(ServerHello(0x0301, 0xC014), Record(22, 0x0301, [11, 0, 0, 0]));

        answer.Kind.Should().Be(ServerAnswerKind.ServerHello);
        answer.Hello!.Version.Should().Be(TlsVersion.Tls10);
        answer.Hello.CipherSuite.Should().Be(0xC014);
        answer.Hello.CipherSuiteName.Should().Be("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA");
        answer.Detail.Should().Contain("TLS1.0").And.Contain("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA");
    }

    [Fact]
    public async Task A_ServerHello_split_across_two_records_is_put_back_together()
    {
        var message = ServerHelloMessage(0x0302, 0x002F);

        var answer = await Read(Record(22, 0x0302, message[..10]), Record(22, 0x0302, message[10..]));

        answer.Kind.Should().Be(ServerAnswerKind.ServerHello);
        answer.Hello!.Version.Should().Be(TlsVersion.Tls11);
        answer.Hello.CipherSuiteName.Should().Be("TLS_RSA_WITH_AES_128_CBC_SHA");
    }

    [Fact]
    public async Task The_supported_versions_extension_decides_the_version_over_server_version()
    {
        var answer = await Read(ServerHello(0x0303, 0x1301, SupportedVersions(0x0304)));

        answer.Hello!.ServerVersion.Should().Be(TlsVersion.Tls12);
        answer.Hello.Version.Should().Be(TlsVersion.Tls13);
    }

    [Fact]
    public async Task A_fatal_alert_is_read_with_its_level_and_description_name()
    {
        var answer = await Read(Alert(2, 70, version: 0x0301));

        answer.Kind.Should().Be(ServerAnswerKind.Alert);
        answer.Alert.Should().Be(new TlsAlert(TlsAlert.Fatal, 70));
        answer.Alert!.DescriptionName.Should().Be("protocol_version");
        answer.Detail.Should().Be("a fatal protocol_version alert (level 2, description 70)");
    }

    [Fact]
    public async Task A_warning_alert_before_the_ServerHello_is_kept_and_reading_goes_on()
    {
        var answer = await Read(Alert(1, 112), ServerHello(0x0303, 0x002F));

        answer.Kind.Should().Be(ServerAnswerKind.ServerHello);
        answer.Warnings.Should().ContainSingle().Which.DescriptionName.Should().Be("unrecognized_name");
        answer.Detail.Should().Contain("after warning unrecognized_name alert");
    }

    [Fact]
    public async Task A_close_notify_ends_the_answer_like_a_fatal_alert()
    {
        var answer = await Read(Alert(1, 0));

        answer.Kind.Should().Be(ServerAnswerKind.Alert);
        answer.Alert!.DescriptionName.Should().Be("close_notify");
    }

    [Fact]
    public async Task A_plain_HTTP_answer_is_unintelligible_and_shown_as_text()
    {
        var answer = await Read(Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\nServer: nginx\r\n\r\n"));

        answer.Kind.Should().Be(ServerAnswerKind.Unintelligible);
        answer.Detail.Should().Contain("not a TLS record").And.Contain("48 54 54 50").And.Contain("HTTP/1.1 400 Bad Request");
    }

    [Fact]
    public async Task A_record_cut_short_by_the_end_of_the_stream_is_unintelligible()
    {
        var whole = ServerHello(0x0303, 0x002F);

        var answer = await Read(whole[..20]);

        answer.Kind.Should().Be(ServerAnswerKind.Unintelligible);
        answer.BytesReceived.Should().Be(20);
        answer.Detail.Should().Contain("20 bytes came back").And.Contain("closed in the middle of a record");
    }

    [Fact]
    public async Task A_record_claiming_more_than_16384_bytes_is_refused_before_its_body_is_read()
    {
        var answer = await Read([22, 3, 3, 0x40, 0x01], [2, 0, 0, 0x10]);

        answer.Kind.Should().Be(ServerAnswerKind.Unintelligible);
        answer.Detail.Should().Contain("claims 16385 bytes");
    }

    [Fact]
    public async Task A_ServerHello_claiming_more_than_the_read_bound_is_unintelligible()
    {
        var answer = await Read(Record(22, 0x0303, [2, 0x01, 0x00, 0x00, 3, 3]));

        answer.Kind.Should().Be(ServerAnswerKind.Unintelligible);
        answer.Detail.Should().Contain("ServerHello that claims 65536 bytes");
    }

    [Fact]
    public async Task A_malformed_ServerHello_is_unintelligible_with_the_reason()
    {
        var answer = await Read(Record(22, 0x0303, ServerHelloMessage(0x0303, 0x002F, sessionIdLength: 40)));

        answer.Kind.Should().Be(ServerAnswerKind.Unintelligible);
        answer.Detail.Should().Contain("session id length 40 exceeds 32");
    }

    [Fact]
    public async Task A_first_handshake_message_other_than_ServerHello_is_unintelligible()
    {
        var answer = await Read(Record(22, 0x0303, [11, 0, 0, 1, 0]));

        answer.Kind.Should().Be(ServerAnswerKind.Unintelligible);
        answer.Detail.Should().Contain("certificate, not server_hello");
    }

    [Fact]
    public async Task Application_data_before_any_ServerHello_is_unintelligible()
    {
        var answer = await Read(Record(23, 0x0303, [1, 2, 3]));

        answer.Kind.Should().Be(ServerAnswerKind.Unintelligible);
        answer.Detail.Should().Contain("application_data record came before any ServerHello");
    }

    [Fact]
    public async Task Only_a_few_records_are_read_while_looking_for_the_answer()
    {
        var warnings = Enumerable.Repeat(Alert(1, 112), ServerAnswerReader.MaxRecords + 1).ToArray();

        var answer = await Read([.. warnings, ServerHello(0x0303, 0x002F)]);

        answer.Kind.Should().Be(ServerAnswerKind.Unintelligible);
        answer.Detail.Should().Contain($"no complete ServerHello within the first {ServerAnswerReader.MaxRecords} records");
    }

    [Fact]
    public async Task An_empty_stream_is_a_closed_connection()
    {
        var answer = await Read();

        answer.Kind.Should().Be(ServerAnswerKind.Closed);
        answer.BytesReceived.Should().Be(0);
    }

    [Fact]
    public async Task Silence_is_no_answer_once_the_timeout_has_passed()
    {
        var pipe = new Pipe();

        var answer = await ServerAnswerReader.ReadAsync(pipe.Reader.AsStream(), Short, CancellationToken.None);

        answer.Kind.Should().Be(ServerAnswerKind.NoAnswer);
        answer.Detail.Should().Contain("raw-hello timeout (0.3 s)");
    }

    [Fact]
    public async Task Silence_after_part_of_a_record_is_unintelligible_not_no_answer()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(ServerHello(0x0303, 0x002F).AsMemory(0, 12));

        var answer = await ServerAnswerReader.ReadAsync(pipe.Reader.AsStream(), Short, CancellationToken.None);

        answer.Kind.Should().Be(ServerAnswerKind.Unintelligible);
        answer.Detail.Should().Contain("12 bytes came back, then nothing more came within the raw-hello timeout");
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_mistaken_for_silence()
    {
        var pipe = new Pipe();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var read = () => ServerAnswerReader.ReadAsync(pipe.Reader.AsStream(), new NamedTimeout("raw-hello", TimeSpan.FromSeconds(30)), cancel.Token);

        await read.Should().ThrowAsync<OperationCanceledException>();
    }
}
