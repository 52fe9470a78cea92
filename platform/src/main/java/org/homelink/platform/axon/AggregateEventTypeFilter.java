package org.homelink.platform.axon;

import org.axonframework.spring.config.SpringAggregateConfigurer;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Makes {@code @Aggregate(filterEventsByType = true)} do what it says. Every service appends to one log, so the id
 * of one kind of record may be sent where another kind is expected; an aggregate that reads only its own kind's
 * events then finds no record (404) rather than failing to load another's (500). Axon's Spring lookup of aggregates
 * (4.13) leaves that attribute out of the configurer it registers for each aggregate: this puts it back.
 */
class AggregateEventTypeFilter implements BeanFactoryPostProcessor {

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beans) {
        for (String name : beans.getBeanDefinitionNames()) {
            BeanDefinition definition = beans.getBeanDefinition(name);
            if (SpringAggregateConfigurer.class.getName().equals(definition.getBeanClassName())
                && filtersByType(definition.getConstructorArgumentValues().getIndexedArgumentValue(0, Class.class))) {
                definition.getPropertyValues().add("filterEventsByType", true);
            }
        }
    }

    private static boolean filtersByType(ValueHolder aggregateType) {
        if (aggregateType == null || !(aggregateType.getValue() instanceof Class<?> type)) {
            return false;
        }
        Aggregate aggregate = AnnotatedElementUtils.findMergedAnnotation(type, Aggregate.class);
        return aggregate != null && aggregate.filterEventsByType();
    }
}
