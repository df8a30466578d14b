package org.travesia.command.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;

import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Stands for a service that dies once a batch's writes are sent and before its token is stored: once armed, the next
 * token a processor stores is refused, so the batch's unit of work rolls back after its writes, as a crash there
 * would leave it, and the processor hands the batch again from its last token.
 */
public final class TokenStoreThatFailsOnce implements BeanPostProcessor {

    private final String processor;
    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicBoolean failed = new AtomicBoolean();

    public TokenStoreThatFailsOnce(String processor) {
        this.processor = processor;
    }

    public void arm() {
        armed.set(true);
    }

    public boolean failed() {
        return failed.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof TokenStore tokens)) {
            return bean;
        }
        return Proxy.newProxyInstance(TokenStore.class.getClassLoader(), new Class<?>[] {TokenStore.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("storeToken") && processor.equals(arguments[1])
                            && armed.compareAndSet(true, false)) {
                        failed.set(true);
                        throw new IllegalStateException("the service died before storing the token");
                    }
                    try {
                        return method.invoke(tokens, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
