package org.gridgov.kit.web;

import org.gridgov.kit.web.openapi.OperationIds;
import org.gridgov.kit.web.openapi.ApiBounds;
import org.gridgov.kit.web.openapi.ProblemResponsesCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@Import(ProblemExceptionHandler.class)
public class WebKitAutoConfiguration {

    public WebKitAutoConfiguration() {
        CorrelationId.register();
    }

    @Bean
    CorrelationIdFilter correlationIdFilter() {
        return new CorrelationIdFilter();
    }

    @Bean
    ProblemWriter problemWriter(JsonMapper jsonMapper) {
        return new ProblemWriter(jsonMapper);
    }

    @Bean
    FallbackProblemHandler fallbackProblemHandler(ProblemWriter writer) {
        return new FallbackProblemHandler(writer);
    }

    /** The HTTP server's own error responses (414, 431, a malformed request) get a problem body too; kept-alive connections keep reading. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "reactor.netty.http.server.HttpServer")
    static class ServerErrorBodies {

        @Bean
        NettyServerCustomizer emptyErrorBodies(JsonMapper jsonMapper) {
            return server -> server.doOnChannelInit((observer, channel, address) -> {
                if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                    channel.pipeline().addAfter(NettyPipeline.HttpCodec, EmptyErrorBodies.NAME, new EmptyErrorBodies(jsonMapper));
                    channel.pipeline().addAfter(NettyPipeline.HttpCodec, ReadAfterResponse.NAME, new ReadAfterResponse());
                }
            });
        }
    }

    /** The API description's operation ids and problem answers, the same in every service. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.GlobalOpenApiCustomizer")
    static class ApiDescription {

        @Bean
        ProblemResponsesCustomizer problemResponsesCustomizer() {
            return new ProblemResponsesCustomizer();
        }

        @Bean
        OperationIds operationIds() {
            return new OperationIds();
        }

        @Bean
        ApiBounds apiBounds() {
            return new ApiBounds();
        }
    }
}
