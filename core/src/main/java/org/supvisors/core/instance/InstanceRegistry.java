package org.supvisors.core.instance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The known instances, in {@code supvisors_list} order then discovery order, and the resolution of the names
 * users give: identifiers, nicknames and stereotypes.
 */
public final class InstanceRegistry {

    private final Map<String, SupvisorsInstance> instances = new LinkedHashMap<>();
    private final Set<String> declared = new LinkedHashSet<>();
    private final SupvisorsInstance local;
    private java.util.function.Consumer<SupvisorsInstance> listener = instance -> { };

    /**
     * @param declaredIdentities the instances of {@code supvisors_list} (or the local instance alone)
     * @param localIdentity the local instance, one of them
     */
    public InstanceRegistry(List<InstanceIdentity> declaredIdentities, InstanceIdentity localIdentity) {
        SupvisorsInstance localInstance = null;
        for (InstanceIdentity identity : declaredIdentities) {
            boolean isLocal = identity.identifier().equals(localIdentity.identifier());
            SupvisorsInstance instance = new SupvisorsInstance(identity, isLocal);
            instances.putIfAbsent(identity.identifier(), instance);
            declared.add(identity.identifier());
            if (isLocal) {
                localInstance = instance;
            }
        }
        if (localInstance == null) {
            throw new IllegalArgumentException("local instance " + localIdentity + " (expected: one of "
                    + declared + ")");
        }
        this.local = localInstance;
    }

    /** Who hears about every change of state of an instance. */
    public void setListener(java.util.function.Consumer<SupvisorsInstance> listener) {
        this.listener = listener;
        instances.values().forEach(instance -> instance.setListener(listener));
    }

    /** The local instance. */
    public SupvisorsInstance local() { return local; }

    /** All instances, in list then discovery order. */
    public Collection<SupvisorsInstance> all() { return Collections.unmodifiableCollection(instances.values()); }

    /** All instances sorted by identifier (the order of the {@code get_all_*} results). */
    public Collection<SupvisorsInstance> sorted() {
        return Collections.unmodifiableCollection(new TreeMap<>(instances).values());
    }

    /** The identifiers of {@code supvisors_list}. */
    public Set<String> declared() { return Collections.unmodifiableSet(declared); }

    public Optional<SupvisorsInstance> get(String identifier) { return Optional.ofNullable(instances.get(identifier)); }

    /** The instance with this exact identifier; it must exist. */
    public SupvisorsInstance require(String identifier) {
        SupvisorsInstance instance = instances.get(identifier);
        if (instance == null) {
            throw new IllegalArgumentException("identifier: " + identifier + " (expected: one of "
                    + instances.keySet() + ")");
        }
        return instance;
    }

    /** Adds a discovered instance (state STOPPED); false if its identifier or nickname is already known. */
    public boolean addDiscovered(InstanceIdentity identity) {
        for (SupvisorsInstance instance : instances.values()) {
            if (instance.identifier().equals(identity.identifier())
                    || instance.nickIdentifier().equals(identity.nickIdentifier())) {
                return false;
            }
        }
        SupvisorsInstance instance = new SupvisorsInstance(identity, false);
        instance.setListener(listener);
        instances.put(identity.identifier(), instance);
        listener.accept(instance);
        return true;
    }

    /**
     * The instances a name designates, in instance order: the instance with this identifier or nickname, or every
     * instance carrying this stereotype. Empty for an unknown name.
     */
    public List<SupvisorsInstance> resolve(String name) {
        SupvisorsInstance direct = instances.get(name);
        if (direct != null) {
            return List.of(direct);
        }
        List<SupvisorsInstance> found = new ArrayList<>();
        for (SupvisorsInstance instance : instances.values()) {
            if (instance.nickIdentifier().equals(name)) {
                return List.of(instance);
            }
        }
        for (SupvisorsInstance instance : instances.values()) {
            if (instance.stereotypes().contains(name)) {
                found.add(instance);
            }
        }
        return found;
    }

    /** The identifiers that several names designate, in instance order, without duplicates. */
    public List<String> resolveAll(Collection<String> names) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String name : names) {
            for (SupvisorsInstance instance : resolve(name)) {
                wanted.add(instance.identifier());
            }
        }
        List<String> ordered = new ArrayList<>();
        for (String identifier : instances.keySet()) {
            if (wanted.contains(identifier)) {
                ordered.add(identifier);
            }
        }
        return ordered;
    }

    /**
     * The identifiers that several names designate, in the order of the names (a stereotype brings its instances
     * in instance order), without duplicates: the order a rule gives, which CONFIG follows.
     */
    public List<String> resolveInOrder(Collection<String> names) {
        Set<String> ordered = new LinkedHashSet<>();
        for (String name : names) {
            for (SupvisorsInstance instance : resolve(name)) {
                ordered.add(instance.identifier());
            }
        }
        return new ArrayList<>(ordered);
    }

    /** The instances in a state, in instance order. */
    public List<SupvisorsInstance> inState(InstanceState state) {
        List<SupvisorsInstance> found = new ArrayList<>();
        for (SupvisorsInstance instance : instances.values()) {
            if (instance.state() == state) {
                found.add(instance);
            }
        }
        return found;
    }

    /** The identifier → state view of the local instance, published in its state & modes. */
    public Map<String, InstanceState> statesView() {
        Map<String, InstanceState> view = new LinkedHashMap<>();
        for (SupvisorsInstance instance : instances.values()) {
            view.put(instance.identifier(), instance.state());
        }
        return view;
    }
}
